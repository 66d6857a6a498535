import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Playbook } from '../../shared/playbooks/schema';
import type { RecordStore } from '../records/record-store';
import { createRemoteRecordStore } from '../records/remote-record-store';
import type { ProviderAnchors } from './anchors/types';
import type { Feature } from './feature';
import { FEATURES } from './features';
import { localeReader } from './locale-setting';
import { type Manager, startManager } from './manager';
import { mountOverlay } from './overlay/mount';
import { createUiLoader, importUiChunk } from './ui-loader';

/** The UI chunk's file in the build (extension/entrypoints/overlay-ui.ts). */
export const UI_CHUNK_PATH = '/overlay-ui.js';

/**
 * The page's `load` has fired (or at most `LOAD_WAIT_MS` passed): work the launcher's first
 * paint does not need waits for it, so it does not compete with the page's own load (issue 6:
 * page load slowed by under 5%). The module normally starts after `load` already
 * (module-loader.ts); this holds the rest when the loader stopped waiting for a slow page. A
 * console that takes long to load still gets its field tips and status after that cap.
 */
export const LOAD_WAIT_MS = 1500;
export function afterPageLoad(win: Window, signal: AbortSignal): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      win.clearTimeout(cap);
      win.removeEventListener('load', done);
      // After the load event's own task, not inside it: the page's load handlers go first.
      win.setTimeout(resolve, 0);
    };
    const cap = win.setTimeout(done, LOAD_WAIT_MS);
    win.addEventListener('load', done, { signal });
  });
}

/**
 * After the next frame has been produced: a task after the next animation frame's callbacks
 * (the frame's style, layout and paint follow them), or `FRAME_WAIT_MS` at most (a hidden tab
 * produces no frames).
 */
export const FRAME_WAIT_MS = 100;
export function afterNextFrame(win: Window): Promise<void> {
  return new Promise((resolve) => {
    const cap = win.setTimeout(resolve, FRAME_WAIT_MS);
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        win.clearTimeout(cap);
        resolve();
      }, 0),
    );
  });
}

/** Features start once the page has loaded (their first field scan is not needed to paint). */
export const deferFeatures = (features: readonly Feature[], ready: Promise<void>): Feature[] =>
  features.map((feature) => ({
    ...feature,
    init: async (ctx) => {
      await ready;
      if (!ctx.signal.aborted) await feature.init(ctx);
    },
  }));

/**
 * The record store with its first messages to the background held until the page has loaded:
 * the launcher paints without its status and fills it in then. Changes the user makes are not
 * held (they cannot happen before the page is usable anyway).
 */
export function deferReads<S extends RecordStore>(store: S, ready: Promise<void>): S {
  return {
    ...store,
    get: async (key) => {
      await ready;
      return store.get(key);
    },
    watch(key, listener) {
      let stop: (() => void) | null = null;
      let stopped = false;
      void ready.then(() => {
        if (!stopped) stop = store.watch(key, listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}

/** One provider's console: its playbook and the anchors that read its pages. */
export interface ProviderBundle {
  playbook: Playbook;
  anchors: ProviderAnchors;
}

/**
 * Wires the record store, settings, the provider's playbook and anchors, the features and the overlay to
 * the feature manager. Each provider's console has its own content script passing only its own
 * provider, so a page never carries the other providers' playbooks (issue 6: size budget).
 */
export async function boot(ctx: ContentScriptContext, provider: ProviderBundle): Promise<Manager> {
  // The features and the record's first reads wait until the page has loaded and the
  // launcher's first frame is on screen: run in the same task, they held that frame back.
  let shown = (): void => undefined;
  const launcherShown = new Promise<void>((resolve) => {
    shown = resolve;
  });
  const loaded = Promise.all([
    afterPageLoad(window, ctx.signal),
    launcherShown.then(() => afterNextFrame(window)),
  ]).then(() => undefined);
  // Records come from the background (the team's, or extension storage in local-only mode).
  const store = createRemoteRecordStore();
  const reads = deferReads(store, loaded);
  const now = () => new Date();
  // The panel, tips, checks and guard dialog load on first need (issue 6: size budget).
  // getURL's path type lists the files of the last `wxt prepare`; this one is built alongside.
  const getURL = browser.runtime.getURL as (path: string) => string;
  const ui = createUiLoader(() => importUiChunk(getURL(UI_CHUNK_PATH)));
  const manager = await startManager({
    window,
    document,
    playbooks: [provider.playbook],
    anchors: { [provider.playbook.id]: provider.anchors },
    features: deferFeatures(FEATURES, loaded),
    store: reads,
    ui,
    signal: ctx.signal,
    mountOverlay: (state) => {
      const handle = mountOverlay(document, state, {
        store: reads,
        now,
        ui,
        // Only the open panel (the chunk is there) sets the language.
        setLocale: async (value) => (await ui.load()).setLocale(value),
      });
      shown();
      return handle;
    },
    settings: {
      locale: localeReader,
      // A page that changed is rare: the chunk (with WXT's storage wrapper) loads to keep it.
      recordDrift: async (diagnostic) => (await ui.load()).recordDrift(diagnostic),
    },
    dev: import.meta.env.DEV,
    now,
  });
  // WXT's own location watcher covers history.pushState, which an isolated world cannot hook.
  ctx.addEventListener(window, 'wxt:locationchange', () => manager.refresh());
  return manager;
}

/** Set as a provider's module starts on its console (after the page's `load`). */
export const MODULE_START_MARK = 'veriguide:module-start';

/**
 * What a provider's module (extension/entrypoints/<provider>-console.ts) runs when the loader
 * imports it: WXT's content-script context, named after the provider, then the overlay. The
 * context is what a content script entrypoint would get from WXT: it is invalidated when the
 * extension is updated or disabled (everything started with its signal stops), a newer copy
 * of the same script on the page stops this one, and it dispatches `wxt:locationchange`.
 */
export function startOnConsole(name: string, provider: ProviderBundle): ContentScriptContext {
  performance.mark(MODULE_START_MARK);
  const ctx = new ContentScriptContext(name);
  void boot(ctx, provider);
  return ctx;
}
