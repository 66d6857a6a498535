import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { commsease } from '../../shared/playbooks/commsease';
import { browserSkipped, type ExtensionBrowser, launchWithExtension } from './support/browser';
import { serveFixture } from './support/fixtures';

const TENCENT = 'https://console.tencentcloud.com';
const COMMSEASE = 'https://console.commsease.com';

/** Names of every veriguide-* element in the document (the overlay's hosts). */
const veriguideHosts = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .map((el) => el.localName)
      .filter((name) => name.startsWith('veriguide-')),
  );

describe.skipIf(browserSkipped())('overlay shell in Chromium', () => {
  let browser: ExtensionBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  it('shows the launcher above a fixed header and widget with the maximum z-index, unstyled by the page', async () => {
    browser = await launchWithExtension();
    await serveFixture(
      browser.context,
      `${TENCENT}/**`,
      'tencentcloud-intl/type-choice-fixed-header.html',
    );
    const page = await browser.context.newPage();
    await page.goto(`${TENCENT}/developer/auth`);
    const launcher = page.getByTestId('vg-launcher');
    await expect.poll(() => launcher.isVisible()).toBe(true);
    const box = await launcher.boundingBox();
    if (!box) throw new Error('launcher has no box');
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x as number, y as number)?.localName,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(hit).toBe('veriguide-overlay');
    // The page's `* { font-family: Comic Sans !important }` does not reach into the overlay.
    expect(await launcher.evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/Comic/);
    // Keyboard: Enter opens the panel with focus inside, Escape closes it back to the launcher.
    await launcher.press('Enter');
    await expect.poll(() => page.getByTestId('vg-panel').isVisible()).toBe(true);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector('veriguide-overlay')?.shadowRoot?.activeElement?.id,
        ),
      )
      .toBe('vg-panel-title');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => document.querySelector('veriguide-overlay')?.shadowRoot?.activeElement?.textContent,
      ),
    ).toBe('EN');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('vg-panel').count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(() =>
          document
            .querySelector('veriguide-overlay')
            ?.shadowRoot?.activeElement?.getAttribute('data-testid'),
        ),
      )
      .toBe('vg-launcher');
  });

  it('loads the overlay UI chunk only when the panel first opens', async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, `${TENCENT}/**`, 'tencentcloud-intl/type-choice.html');
    const page = await browser.context.newPage();
    // The browser's own record of the page's loads: the content script's import shows there.
    // A request to the per-session URL (use_dynamic_url) is redirected once to the file; a
    // redirect keeps its request id, so each load is counted once.
    const cdp = await browser.context.newCDPSession(page);
    const loaded: { id: string; url: string }[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.redirectResponse) loaded.push({ id: e.requestId, url: e.request.url });
    });
    await cdp.send('Network.enable');
    await page.goto(`${TENCENT}/developer/auth`);
    const launcher = page.getByTestId('vg-launcher');
    await expect.poll(() => launcher.textContent()).toContain('Not verified');
    const chunkLoads = () => loaded.filter((r) => r.url.endsWith('/overlay-ui.js')).length;
    expect(chunkLoads()).toBe(0);
    await launcher.click();
    await expect.poll(() => page.getByTestId('vg-panel').isVisible()).toBe(true);
    expect(loaded.find((r) => r.url.endsWith('/overlay-ui.js'))?.url).toMatch(
      /^chrome-extension:\/\//,
    );
    // Closing and opening again reuses it.
    await launcher.click();
    await launcher.click();
    await expect.poll(() => page.getByTestId('vg-panel').isVisible()).toBe(true);
    expect(chunkLoads()).toBe(1);
    // It registered in the content script's isolated world: the page's scripts never see it.
    expect(await page.evaluate(() => '__veriguideOverlayUi' in globalThis)).toBe(false);
  });

  it('marks the loader, the import, the module and first paint for the performance budget', async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/status.html');
    const page = await browser.context.newPage();
    await page.goto(`${COMMSEASE}/#/account/authentication`);
    await expect.poll(() => page.getByTestId('vg-launcher').isVisible()).toBe(true);
    const names = [
      'veriguide:start',
      'veriguide:import',
      'veriguide:module-start',
      'veriguide:painted',
    ];
    const marks = await page.evaluate(
      (list) => list.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? null),
      names,
    );
    for (const [i, at] of marks.entries()) expect(at, names[i]).toEqual(expect.any(Number));
    // In that order. The 50 ms budget is measured, not asserted here: two shared cores make
    // timing noisy.
    expect([...marks].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(marks);
  });

  it('the decision helper picks the flow the checklist follows', async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/type-choice.html');
    const page = await browser.context.newPage();
    await page.goto(`${COMMSEASE}/#/account/authentication`);
    await page.getByTestId('vg-launcher').click();
    const panel = page.getByTestId('vg-panel');
    await panel.getByLabel('A person').check();
    await panel.getByLabel('Do you need to buy SMS packs?').check();
    const recommended = panel.getByTestId('vg-recommended');
    await expect.poll(() => recommended.getAttribute('data-type')).toBe('enterprise');
    await panel.getByRole('button', { name: 'Use this flow' }).click();
    const flowSelect = panel.getByTestId('vg-flow');
    await expect.poll(() => flowSelect.inputValue()).toBe('enterprise');
    const shown = await panel
      .getByTestId('vg-step')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-step-id')));
    const enterprise = commsease.flows.find((f) => f.id === 'enterprise');
    expect(shown).toEqual(enterprise?.steps.map((s) => s.id));
    // The choice is saved: it is still there after a reload.
    await page.reload();
    await page.getByTestId('vg-launcher').click();
    await expect.poll(() => page.getByTestId('vg-flow').inputValue()).toBe('enterprise');
  });

  it('keeps checklist progress across a reload and a browser restart', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'vg-profile-'));
    try {
      browser = await launchWithExtension({ userDataDir: profile });
      await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/individual-form.html');
      let page = await browser.context.newPage();
      await page.goto(`${COMMSEASE}/#/account/authentication/individual`);
      await page.getByTestId('vg-launcher').click();
      const steps = page.getByTestId('vg-step');
      await steps.nth(0).click();
      await steps.nth(1).press('Space');
      const progress = page.getByTestId('vg-progress');
      await expect.poll(() => progress.textContent()).toMatch(/^2 of \d+$/);
      const total = (await progress.textContent())?.split(' of ')[1];

      await page.reload();
      await page.getByTestId('vg-launcher').click();
      await expect.poll(() => page.getByTestId('vg-progress').textContent()).toBe(`2 of ${total}`);
      expect(await page.getByTestId('vg-step').nth(0).getAttribute('aria-checked')).toBe('true');

      await browser.close();
      browser = await launchWithExtension({ userDataDir: profile });
      await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/individual-form.html');
      page = await browser.context.newPage();
      await page.goto(`${COMMSEASE}/#/account/authentication/individual`);
      await page.getByTestId('vg-launcher').click();
      await expect.poll(() => page.getByTestId('vg-progress').textContent()).toBe(`2 of ${total}`);
    } finally {
      await browser?.close();
      browser = undefined;
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('moves the checklist on when the page step bar moves by class only (Element UI el-steps)', async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/individual-form-steps.html');
    const page = await browser.context.newPage();
    await page.goto(`${COMMSEASE}/#/account/authentication/individual`);
    await page.getByTestId('vg-launcher').click();
    const highlighted = (): Promise<(string | null)[]> =>
      page
        .getByTestId('vg-step')
        .evaluateAll((els) =>
          els
            .filter((el) => el.getAttribute('aria-current') === 'step')
            .map((el) => el.getAttribute('data-step-id')),
        );
    await expect.poll(highlighted).toEqual(['individual-tips-next']);
    // What el-steps does on the console's next step: status classes move, no text changes.
    await page.evaluate(() => {
      const [filled, esign] = document.querySelectorAll('.el-step');
      for (const el of filled?.querySelectorAll('.is-process') ?? []) {
        el.classList.replace('is-process', 'is-finish');
      }
      for (const el of esign?.querySelectorAll('.is-wait') ?? []) {
        el.classList.replace('is-wait', 'is-process');
      }
    });
    await expect.poll(highlighted).toEqual(['individual-esignature']);
  });

  it('shows the drift notice when the page no longer has the expected fields', async () => {
    browser = await launchWithExtension();
    await serveFixture(
      browser.context,
      `${TENCENT}/**`,
      'tencentcloud-intl/individual-form-drift.html',
    );
    const page = await browser.context.newPage();
    await page.goto(`${TENCENT}/developer/auth/individual`);
    await page.getByTestId('vg-launcher').click();
    await expect
      .poll(() => page.getByTestId('vg-drift').isVisible(), { timeout: 10_000 })
      .toBe(true);
    // The checklist is still there.
    expect(await page.getByTestId('vg-step').count()).toBeGreaterThan(0);
  });

  it('removes every veriguide host after a single-page route change away from verification', async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, `${TENCENT}/**`, 'tencentcloud-intl/spa.html');
    const page = await browser.context.newPage();
    await page.goto(`${TENCENT}/developer/auth`);
    await expect.poll(() => page.getByTestId('vg-launcher').isVisible()).toBe(true);
    // The page's own router: history.pushState, no reload.
    await page.getByRole('link', { name: 'Overview' }).click();
    expect(new URL(page.url()).pathname).toBe('/overview');
    await expect.poll(() => veriguideHosts(page)).toEqual([]);
    // And back again.
    await page.getByRole('link', { name: 'Individual form' }).click();
    await expect.poll(() => page.getByTestId('vg-launcher').isVisible()).toBe(true);
  });

  it('speaks Chinese on a Chinese page in a Chinese browser, and switches language on request', async () => {
    browser = await launchWithExtension({ locale: 'zh-CN' });
    await serveFixture(browser.context, `${COMMSEASE}/**`, 'commsease/individual-form-zh.html');
    const page = await browser.context.newPage();
    await page.goto(`${COMMSEASE}/#/account/authentication/individual`);
    const launcher = page.getByTestId('vg-launcher');
    await expect.poll(() => launcher.textContent()).toContain('未认证');
    await launcher.click();
    await expect.poll(() => page.getByTestId('vg-checklist').textContent()).toContain('清单');
    await page.getByTestId('vg-lang-en').click();
    await expect.poll(() => page.getByTestId('vg-checklist').textContent()).toContain('Checklist');
  });
});
