import { ANCHORS } from '../../../extension/content/anchors';
import type { Feature } from '../../../extension/content/feature';
import { localeReader } from '../../../extension/content/locale-setting';
import { startManager } from '../../../extension/content/manager';
import { mountOverlay, type OverlayDeps } from '../../../extension/content/overlay/mount';
import { CONTENT_PLAYBOOKS } from '../../../extension/content/providers';
import { overlayUi } from '../../../extension/content/ui';
import { createUiLoader, type UiLoader } from '../../../extension/content/ui-loader';
import { createRecordStore } from '../../../extension/records/local-record-store';
import { loadFixture } from './fixture';

/**
 * Starts the real overlay (manager, launcher, panel, storage over WXT's fake browser) on a
 * fixture at `url`, as the content script would, with a fixed clock.
 */
export async function openOverlay(
  fixture: string,
  url: string,
  opts: { now?: string; features?: Feature[]; ui?: UiLoader; store?: OverlayDeps['store'] } = {},
) {
  loadFixture(fixture, url);
  // The content script's store talks to the background; by default this browser's own storage.
  const store = opts.store ?? createRecordStore(() => new Date(opts.now ?? '2026-11-20T02:00:00Z'));
  const now = () => new Date(opts.now ?? '2026-11-20T02:00:00Z');
  const life = new AbortController();
  // As in the content script, the UI chunk loads on first need (here from the module itself).
  const ui = opts.ui ?? createUiLoader(async () => overlayUi);
  const manager = await startManager({
    window,
    document,
    playbooks: CONTENT_PLAYBOOKS,
    anchors: ANCHORS,
    features: opts.features ?? [],
    store,
    ui,
    signal: life.signal,
    mountOverlay: (state) =>
      mountOverlay(document, state, {
        store,
        now,
        ui,
        // As boot.ts: the language is saved through the chunk, read straight from storage.
        setLocale: async (value) => (await ui.load()).setLocale(value),
      }),
    settings: {
      locale: localeReader,
      recordDrift: async (d) => (await ui.load()).recordDrift(d),
    },
    dev: false,
    now,
    settleMs: 5,
  });
  const host = document.querySelector('veriguide-overlay');
  const root = host?.shadowRoot;
  if (!root) throw new Error('no veriguide-overlay host with a shadow root');
  const byTestId = <T extends Element = HTMLElement>(id: string): T | null =>
    root.querySelector<T>(`[data-testid="${id}"]`);
  const all = (id: string): HTMLElement[] => [
    ...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
  ];
  const need = <T extends Element = HTMLElement>(id: string): T => {
    const el = byTestId<T>(id);
    if (!el) throw new Error(`no [data-testid="${id}"] in the overlay`);
    return el;
  };
  /** A button in the panel by its visible text. */
  const button = (text: string): HTMLButtonElement => {
    const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
    if (!found) throw new Error(`no button "${text}" in the overlay`);
    return found;
  };
  return { manager, store, ui, life, host, root, byTestId, all, need, button };
}

export const key = (keyDown: string): KeyboardEvent =>
  new KeyboardEvent('keydown', { key: keyDown, bubbles: true, cancelable: true });
