import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipped } from '../support/browser';
import { fixtureHtml } from '../support/fixtures';
import { launchTeamBrowser, serveAccountPages, type TeamBrowser } from './support/extension';
import { LocalWorker, type Member } from './support/worker';

const TENCENT = 'https://console.tencentcloud.com';
const FIXTURE_ACCOUNT = '200012345678';
const FORM = `${TENCENT}/developer/auth/individual`;
const poll = { timeout: 30_000, interval: 250 };

/** Opens the overlay's panel on a provider page and returns the page. */
async function openOverlay(b: TeamBrowser, account: string): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${FORM}?acct=${account}`);
  const launcher = page.getByTestId('vg-launcher');
  await expect.poll(() => launcher.isVisible(), poll).toBe(true);
  await launcher.click();
  await expect.poll(() => page.getByTestId('vg-panel').isVisible(), poll).toBe(true);
  return page;
}

const statusShown = (page: Page) => page.getByTestId('vg-status-value').textContent();

describe.skipIf(browserSkipped())('team sync in Chromium with the real worker on local D1', () => {
  const worker = new LocalWorker();
  let owner: Member;
  let editor: Member;
  let viewer: Member;
  let a: TeamBrowser;

  /** Rows of the team's D1, read directly. */
  const accountRow = async (externalId: string) =>
    (
      await worker.query<{ id: string; status: string; checklist: string; version: number }>(
        `SELECT id, status, checklist, version FROM accounts WHERE external_id = '${externalId}'`,
      )
    )[0];
  const countEvents = async (accountId: string, type: string) =>
    Number(
      (
        await worker.query<{ n: number }>(
          `SELECT COUNT(*) AS n FROM events WHERE account_id = '${accountId}' AND type = '${type}'`,
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    owner = await worker.setup();
    editor = await worker.addMember(owner, 'Eddie Editor', 'editor');
    viewer = await worker.addMember(owner, 'Vera Viewer', 'viewer');
    a = await launchTeamBrowser(worker.url);
    await serveAccountPages(
      a.context,
      `${TENCENT}/**`,
      fixtureHtml('tencentcloud-intl/individual-form.html'),
      FIXTURE_ACCOUNT,
    );
  }, 180_000);

  afterAll(async () => {
    await a?.close();
    await worker.dispose();
  });

  it('options: a wrong token is refused; a member token connects and is shown only as vg_…last4', async () => {
    const options = await a.page('/options.html');
    await options.fill('input[name=apiUrl]', worker.url);
    await options.fill('input[name=token]', 'vg_not-a-real-token-at-all');
    await options.click('button[type=submit]');
    await expect
      .poll(() => options.getByTestId('vg-error').textContent(), poll)
      .toMatch(/unauthorized/);
    expect(await options.getByTestId('vg-connection').count()).toBe(0);

    await options.fill('input[name=token]', owner.token);
    await options.click('button[type=submit]');
    await expect.poll(() => options.getByTestId('vg-role').textContent(), poll).toBe('owner');
    expect(await options.getByTestId('vg-token-hint').textContent()).toBe(
      `vg_…${owner.token.slice(-4)}`,
    );
    // The role can show (the page follows storage) a moment before the connect answer clears
    // the field: wait for the clearing, then nothing on the page holds the token.
    await expect.poll(() => options.inputValue('input[name=token]'), poll).toBe('');
    expect(await options.content()).not.toContain(owner.token);
    await options.close();
  });

  it("the overlay on a provider page shows the team's status for that account", async () => {
    const created = (await worker.call(owner, 'POST', '/api/v1/accounts', {
      provider: 'tencentcloud-intl',
      externalId: '200000000101',
      entityType: 'individual',
    })) as { id: string; version: number };
    const moved = (await worker.call(
      owner,
      'POST',
      `/api/v1/accounts/${created.id}/transitions`,
      { to: 'in_progress' },
      { 'If-Match': `"${created.version}"` },
    )) as { version: number };
    await worker.call(
      owner,
      'POST',
      `/api/v1/accounts/${created.id}/transitions`,
      { to: 'in_review' },
      { 'If-Match': `"${moved.version}"` },
    );
    const page = await openOverlay(a, '200000000101');
    await expect.poll(() => statusShown(page), poll).toBe('Under review');
    await expect.poll(() => page.getByTestId('vg-review-window').isVisible(), poll).toBe(true);
    await page.close();
  });

  it('"I submitted" in the overlay reaches D1 and the dashboard', async () => {
    const page = await openOverlay(a, '200000000202');
    await page.getByRole('button', { name: 'I submitted' }).click();
    await expect.poll(() => statusShown(page), poll).toBe('Under review');
    await expect
      .poll(async () => (await accountRow('200000000202'))?.status, poll)
      .toBe('in_review');

    const dashboard = await a.page('/dashboard.html');
    const row = dashboard.locator('[data-testid=vg-account-row][data-account="200000000202"]');
    await expect
      .poll(() => row.getByTestId('vg-row-status').textContent(), poll)
      .toBe('Under review');
    await dashboard.close();
    await page.close();
  });

  it("another member's change arrives through /changes in the open overlay", async () => {
    const page = await openOverlay(a, '200000000202');
    await expect.poll(() => statusShown(page), poll).toBe('Under review');
    const row = await accountRow('200000000202');
    if (!row) throw new Error('no account row');
    await worker.call(
      editor,
      'POST',
      `/api/v1/accounts/${row.id}/transitions`,
      { to: 'verified' },
      { 'If-Match': `"${row.version}"` },
    );
    await expect.poll(() => statusShown(page), poll).toBe('Verified');
    await page.close();
  });

  it('with the worker stopped, a change waits in the outbox and arrives exactly once after it restarts', async () => {
    const before = await accountRow('200000000202');
    if (!before) throw new Error('no account row');
    const updatesBefore = await countEvents(before.id, 'updated');
    const accountsBefore = (await worker.query('SELECT id FROM accounts')).length;
    const page = await openOverlay(a, '200000000202');
    await expect.poll(() => statusShown(page), poll).toBe('Verified');

    await worker.stop();
    const step = page.getByTestId('vg-step').first();
    const stepId = await step.getAttribute('data-step-id');
    await step.click();
    await expect.poll(() => step.getAttribute('aria-checked'), poll).toBe('true');
    const options = await a.page('/options.html');
    await expect.poll(() => options.getByTestId('vg-outbox-count').textContent(), poll).toBe('1');

    await worker.start();
    await expect
      .poll(() => options.getByTestId('vg-outbox-count').textContent(), {
        ...poll,
        timeout: 90_000,
      })
      .toBe('0');
    const after = await accountRow('200000000202');
    expect(JSON.parse(after?.checklist ?? '{}')).toHaveProperty(stepId ?? '-');
    expect(await countEvents(before.id, 'updated')).toBe(updatesBefore + 1);
    expect((await worker.query('SELECT id FROM accounts')).length).toBe(accountsBefore);
    await options.close();
    await page.close();
  });

  it("two members' browsers see each other's updates", async () => {
    const b = await launchTeamBrowser(worker.url);
    try {
      await serveAccountPages(
        b.context,
        `${TENCENT}/**`,
        fixtureHtml('tencentcloud-intl/individual-form.html'),
        FIXTURE_ACCOUNT,
      );
      const options = await b.page('/options.html');
      await options.fill('input[name=apiUrl]', worker.url);
      await options.fill('input[name=token]', editor.token);
      await options.click('button[type=submit]');
      await expect.poll(() => options.getByTestId('vg-role').textContent(), poll).toBe('editor');
      await options.close();

      const inA = await openOverlay(a, '200000000303');
      const inB = await openOverlay(b, '200000000303');
      await inB.getByRole('button', { name: 'I submitted' }).click();
      await expect.poll(() => statusShown(inA), poll).toBe('Under review');
      await inA.getByRole('button', { name: 'It was approved' }).click();
      await expect.poll(() => statusShown(inB), poll).toBe('Verified');
      await expect
        .poll(async () => (await accountRow('200000000303'))?.status, poll)
        .toBe('verified');
    } finally {
      await b.close();
    }
  });

  it('local-only work is uploaded when the browser connects to the team later', async () => {
    const c = await launchTeamBrowser(worker.url);
    try {
      await serveAccountPages(
        c.context,
        `${TENCENT}/**`,
        fixtureHtml('tencentcloud-intl/individual-form.html'),
        FIXTURE_ACCOUNT,
      );
      // No team yet: the overlay works on this browser's storage alone.
      const page = await openOverlay(c, '200000000404');
      await page.getByRole('button', { name: 'I submitted' }).click();
      await expect.poll(() => statusShown(page), poll).toBe('Under review');
      expect(await accountRow('200000000404')).toBeUndefined();

      const options = await c.page('/options.html');
      await options.fill('input[name=apiUrl]', worker.url);
      await options.fill('input[name=token]', editor.token);
      await options.click('button[type=submit]');
      await expect
        .poll(() => options.getByTestId('vg-upload-report').textContent(), poll)
        .toMatch(/1 uploaded, 0 matched, 0 conflicts/);
      await expect
        .poll(async () => (await accountRow('200000000404'))?.status, poll)
        .toBe('in_review');
      await options.close();
      await page.close();
    } finally {
      await c.close();
    }
  });

  it('a viewer token shows no write actions, in the dashboard and in the overlay', async () => {
    const b = await launchTeamBrowser(worker.url);
    try {
      const options = await b.page('/options.html');
      await options.fill('input[name=apiUrl]', worker.url);
      await options.fill('input[name=token]', viewer.token);
      await options.click('button[type=submit]');
      await expect.poll(() => options.getByTestId('vg-role').textContent(), poll).toBe('viewer');

      const dashboard = await b.page('/dashboard.html');
      const row = dashboard.locator('[data-testid=vg-account-row][data-account="200000000202"]');
      await expect.poll(() => row.count(), poll).toBe(1);
      await row.getByRole('button').click();
      await expect
        .poll(() => dashboard.getByTestId('vg-account-detail').isVisible(), poll)
        .toBe(true);
      // The history comes from the API; the write actions are not there at all.
      await expect
        .poll(() => dashboard.getByTestId('vg-history').locator('li').count(), poll)
        .toBeGreaterThan(0);
      expect(await dashboard.getByTestId('vg-quick-actions').count()).toBe(0);
      expect(await dashboard.getByTestId('vg-import').count()).toBe(0);
      expect(await dashboard.getByRole('button', { name: 'I submitted' }).count()).toBe(0);
      expect(await dashboard.getByTestId('vg-export').count()).toBe(1);
      await dashboard.close();

      // Nor in the overlay on the provider's page: the status shows, the actions do not.
      await serveAccountPages(
        b.context,
        `${TENCENT}/**`,
        fixtureHtml('tencentcloud-intl/individual-form.html'),
        FIXTURE_ACCOUNT,
      );
      const page = await openOverlay(b, '200000000202');
      await expect
        .poll(() => page.getByTestId('vg-view-only').textContent(), poll)
        .toBe('View only: your role is viewer');
      await expect.poll(() => statusShown(page), poll).toBe('Verified');
      expect(await page.getByRole('button', { name: 'I submitted' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'It was approved' }).count()).toBe(0);
      const step = page.getByTestId('vg-step').first();
      expect(await step.getAttribute('aria-disabled')).toBe('true');
      expect(await step.getAttribute('aria-readonly')).toBe('true');
    } finally {
      await b.close();
    }
  });
});
