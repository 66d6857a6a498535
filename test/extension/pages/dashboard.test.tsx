import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushOutbox } from '../../../extension/background/outbox';
import { putRecord } from '../../../extension/background/records';
import { routeMessage } from '../../../extension/background/router';
import { connect } from '../../../extension/background/team';
import { Dashboard } from '../../../extension/pages/dashboard/Dashboard';
import { checkApiUrl } from '../../../extension/pages/options/Options';
import { FakeTeam } from '../background/fake-team';
import { A, API_URL, B, edited, OWNER_TOKEN, VIEWER_TOKEN } from '../background/support';

let team: FakeTeam;
let root: HTMLElement;

/** The background answering this page's messages, as it does for the real dashboard. */
async function backgroundFor(token: string) {
  const deps = team.deps();
  await connect({ apiUrl: API_URL, token: OWNER_TOKEN }, deps);
  await putRecord(A, edited(A, ['a1'], 'in_review'), deps);
  await putRecord(B, edited(B, ['b1']), deps);
  await flushOutbox(deps);
  if (token !== OWNER_TOKEN) await connect({ apiUrl: API_URL, token }, deps);
  const sender = { id: browser.runtime.id, url: browser.runtime.getURL('/dashboard.html') };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    routeMessage(message, sender, deps),
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  team = new FakeTeam();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const rows = () => [...root.querySelectorAll('[data-testid=vg-account-row]')];
const openDetail = async (account: string) => {
  const row = root.querySelector(`[data-account="${account}"]`);
  row?.querySelector('button')?.click();
  await vi.waitFor(() =>
    expect(root.querySelector('[data-testid=vg-account-detail]')).not.toBeNull(),
  );
};

describe('dashboard page', () => {
  it('lists the team’s accounts with status and progress, and an editor gets the write actions', async () => {
    await backgroundFor(OWNER_TOKEN);
    render(<Dashboard />, root);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    const a = root.querySelector(`[data-account="${A.externalId}"]`);
    expect(a?.querySelector('[data-testid=vg-row-status]')?.textContent).toBe('Under review');
    expect(root.querySelector('[data-testid=vg-import]')).not.toBeNull();
    await openDetail(A.externalId);
    expect(root.querySelector('[data-testid=vg-quick-actions]')).not.toBeNull();
    // History is read from the API's events.
    await vi.waitFor(() =>
      expect(root.querySelectorAll('[data-testid=vg-history] li').length).toBeGreaterThan(0),
    );
  });

  it('shows a viewer every account but no write action', async () => {
    await backgroundFor(VIEWER_TOKEN);
    render(<Dashboard />, root);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(root.querySelector('[data-testid=vg-import]')).toBeNull();
    await openDetail(A.externalId);
    expect(root.querySelector('[data-testid=vg-quick-actions]')).toBeNull();
    expect(root.textContent).toContain('viewer');
  });

  it('filters by search text', async () => {
    await backgroundFor(OWNER_TOKEN);
    render(<Dashboard />, root);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    const search = root.querySelector<HTMLInputElement>('input[type=search]');
    if (!search) throw new Error('no search box');
    search.value = 'ops@';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() =>
      expect(rows().map((r) => r.getAttribute('data-account'))).toEqual([B.externalId]),
    );
  });
});

describe('options: the API URL', () => {
  it.each([
    ['https://api.example.com', true],
    ['https://api.example.com/some/path', true],
    ['http://localhost:8787', true],
    ['http://127.0.0.1:9999', true],
    ['http://api.example.com', false],
    ['ftp://api.example.com', false],
    ['not a url', false],
  ])('%s accepted: %s', (url, ok) => {
    expect(checkApiUrl(url) !== null).toBe(ok);
  });
});
