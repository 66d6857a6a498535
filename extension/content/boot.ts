import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Playbook } from '../../shared/playbooks/schema';
import { createRemoteRecordStore } from '../records/remote-record-store';
import type { ProviderAnchors } from './anchors/types';
import { FEATURES } from './features';
import { localeReader } from './locale-setting';
import { type Manager, startManager } from './manager';
import { mountOverlay } from './overlay/mount';
import { createUiLoader, importUiChunk } from './ui-loader';

/** The UI chunk's file in the build (extension/entrypoints/overlay-ui.ts). */
export const UI_CHUNK_PATH = '/overlay-ui.js';

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
  // Records come from the background (the team's, or extension storage in local-only mode).
  const store = createRemoteRecordStore();
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
    features: FEATURES,
    store,
    ui,
    signal: ctx.signal,
    mountOverlay: (state) =>
      mountOverlay(document, state, {
        store,
        now,
        ui,
        // Only the open panel (the chunk is there) sets the language.
        setLocale: async (value) => (await ui.load()).setLocale(value),
      }),
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
