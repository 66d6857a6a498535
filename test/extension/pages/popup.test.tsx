import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putRecord } from '../../../extension/background/records';
import { routeMessage } from '../../../extension/background/router';
import { Popup } from '../../../extension/pages/popup/Popup';
import { recordItem } from '../../../extension/storage';
import { FakeTeam } from '../background/fake-team';
import { A, edited } from '../background/support';

let root: HTMLElement;
const TAB = 42;

beforeEach(async () => {
  fakeBrowser.reset();
  const deps = new FakeTeam().deps();
  await putRecord(A, edited(A, ['tencentcloud-intl-individual-account-type']), deps);
  // The overlay in tab 42 asked for its record: that binds the tab to the account.
  await routeMessage(
    { type: 'record/get', key: A },
    {
      id: browser.runtime.id,
      url: 'https://console.tencentcloud.com/developer/auth',
      tab: { id: TAB },
      frameId: 0,
    },
    deps,
  );
  const page = { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    routeMessage(message, page, deps),
  );
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup', () => {
  it("shows this tab's account and its quick actions work (local-only mode)", async () => {
    render(<Popup tabId={TAB} />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=vg-popup-account]')?.textContent).toContain(
        A.externalId,
      ),
    );
    expect(root.querySelector('[data-testid=vg-page-status]')?.textContent).toBe('Not verified');
    const submitted = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'I submitted',
    );
    submitted?.click();
    await vi.waitFor(async () =>
      expect((await recordItem(A).getValue())?.status).toBe('in_review'),
    );
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid=vg-page-status]')?.textContent).toBe('Under review'),
    );
    expect(root.querySelector('[data-testid=vg-page-window]')?.textContent).toMatch(
      /\d{4}-\d{2}-\d{2}/,
    );
  });

  it('says to open a provider page when this tab shows none', async () => {
    render(<Popup tabId={7} />, root);
    await vi.waitFor(() =>
      expect(root.textContent).toContain('Open a provider’s verification page'),
    );
    expect(root.querySelector('[data-testid=vg-quick-actions]')).toBeNull();
  });
});
