import type { WxtBrowser } from 'wxt/browser';

// Issue 6: page load slowed by under 5%. Measured on the fixture pages in Chromium 156 (see
// bench/extension/browser.mjs and the README's notes): the browser holds a light page's `load`
// event until its document_idle content scripts have run, so even an empty document_idle
// script cost some 20-30 ms of load there, and parsing ~60 KB and booting the overlay (~30 ms
// of CPU) ran inside that wait too. WXT's own content-script wrapper costs ~3 ms before `load`
// (its context, the extension API's first use), and starting an import ~4 ms.
// So what the manifest injects into a provider's console is this loader alone, at
// document_start (which holds nothing): it waits for the page's `load` and only then imports
// the provider's module (extension/entrypoints/<provider>-console.ts, a web-accessible file),
// which creates WXT's content-script context and boots the overlay. Nothing of ours runs on
// the page's main thread before `load` but this file's few statements.
// This file must stay tiny and must not touch the extension API before `load`.

/** Set as the loader starts (document_start). */
export const LOADER_START_MARK = 'veriguide:start';
/** Set as the loader begins the module's import, after the page's `load`. */
export const IMPORT_MARK = 'veriguide:import';

/**
 * At most this long after DOMContentLoaded the module is imported even if the page's `load`
 * has not come (a console still loading a slow image or beacon): the page is parsed and on
 * screen by then, and the user should not wait longer for the overlay.
 */
export const LOAD_WAIT_MS = 1500;

/**
 * Resolves in a task of its own after the page's `load` event (not inside it: the page's load
 * handlers and the event's end come first), or `LOAD_WAIT_MS` after DOMContentLoaded.
 */
export function afterLoad(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const doc = win.document;
    let cap: number | undefined;
    const done = (): void => {
      win.clearTimeout(cap);
      win.removeEventListener('load', done);
      doc.removeEventListener('DOMContentLoaded', startCap);
      win.setTimeout(resolve, 0);
    };
    const startCap = (): void => {
      cap = win.setTimeout(done, LOAD_WAIT_MS);
    };
    if (doc.readyState === 'complete') {
      done();
      return;
    }
    win.addEventListener('load', done);
    if (doc.readyState === 'interactive') startCap();
    else doc.addEventListener('DOMContentLoaded', startCap);
  });
}

/**
 * The extension's runtime API (Firefox's `browser`, Chrome's `chrome`), looked up when first
 * needed: the first use in a page builds its bindings, which is work before `load` otherwise.
 */
const runtime = (): WxtBrowser['runtime'] => {
  const g = globalThis as { browser?: WxtBrowser; chrome?: WxtBrowser };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  if (!api) throw new Error('no extension API in this context');
  return api.runtime;
};

/**
 * Once the page has loaded, imports the module at `file` (a path in the build, web-accessible
 * to the provider's consoles), which starts itself. A failed import leaves the page as it is
 * and says so in the console.
 */
export function loadContentModule(
  file: string,
  win: Window = window,
  importModule: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url),
): Promise<void> {
  performance.mark(LOADER_START_MARK);
  return afterLoad(win)
    .then(() => {
      performance.mark(IMPORT_MARK);
      // getURL's path type lists the files of the last `wxt prepare`; these are built alongside.
      return importModule((runtime().getURL as (path: string) => string)(file));
    })
    .then(
      () => undefined,
      (error: unknown) => {
        console.warn('[veriguide] content module failed to load', error);
      },
    );
}
