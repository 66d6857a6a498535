import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commseaseAnchors } from '../../../extension/content/anchors/commsease';
import { startOnConsole } from '../../../extension/content/boot';
import {
  afterLoad,
  LOAD_WAIT_MS,
  loadContentModule,
} from '../../../extension/content/module-loader';
import { commsease } from '../../../shared/playbooks/commsease';
import { loadFixture } from '../support/fixture';

/** A window whose document is still loading, with its own load and DOMContentLoaded events. */
function loadingWindow() {
  const doc = Object.assign(new EventTarget(), {
    readyState: 'loading' as DocumentReadyState,
  });
  const win = Object.assign(new EventTarget(), {
    document: doc,
    setTimeout: (fn: () => void, ms?: number) => globalThis.setTimeout(fn, ms),
    clearTimeout: (id?: number) => globalThis.clearTimeout(id),
  });
  return {
    win: win as unknown as Window,
    parsed() {
      doc.readyState = 'interactive';
      doc.dispatchEvent(new Event('DOMContentLoaded'));
    },
    loaded() {
      doc.readyState = 'complete';
      win.dispatchEvent(new Event('load'));
    },
  };
}

/** Whether `promise` has settled once the timers due within the next millisecond have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(1);
  return done;
}

describe("the provider module's loader (issue 6: the page's load does not wait for us)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('imports the module only once the page has loaded, from its runtime URL', async () => {
    const page = loadingWindow();
    const imported: string[] = [];
    const done = loadContentModule('/commsease-console.js', page.win, async (url) => {
      imported.push(url);
    });
    page.parsed();
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS - 10);
    expect(imported).toEqual([]);
    page.loaded();
    expect(await settled(done)).toBe(true);
    expect(imported).toEqual([fakeBrowser.runtime.getURL('/commsease-console.js')]);
  });

  it('imports it anyway once the page has been parsed for LOAD_WAIT_MS without a load event', async () => {
    const page = loadingWindow();
    const when = afterLoad(page.win);
    // Still parsing: no deadline runs yet.
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS * 2);
    expect(await settled(when)).toBe(false);
    page.parsed();
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS - 10);
    expect(await settled(when)).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(await settled(when)).toBe(true);
  });

  it('imports at once on a page that has already loaded', async () => {
    const page = loadingWindow();
    page.parsed();
    page.loaded();
    expect(await settled(afterLoad(page.win))).toBe(true);
  });

  it('leaves the page alone and says so when the import fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const page = loadingWindow();
    page.loaded();
    const done = loadContentModule('/commsease-console.js', page.win, () =>
      Promise.reject(new Error('blocked')),
    );
    expect(await settled(done)).toBe(true);
    expect(warn).toHaveBeenCalledWith(
      '[veriguide] content module failed to load',
      expect.objectContaining({ message: 'blocked' }),
    );
    warn.mockRestore();
  });
});

describe("the provider module's start", () => {
  it('shows the overlay, and removes it when the extension is updated or disabled (its context is invalidated)', async () => {
    loadFixture('commsease/status.html', 'https://console.commsease.com/#/account/authentication');
    const ctx = startOnConsole('commsease', { playbook: commsease, anchors: commseaseAnchors });
    await vi.waitFor(() => expect(document.querySelector('veriguide-overlay')).not.toBeNull());
    ctx.notifyInvalidated();
    await vi.waitFor(() => expect(document.querySelector('veriguide-overlay')).toBeNull());
  });
});
