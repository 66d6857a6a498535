import type { OverlayUi } from './ui/api';

/**
 * Where the on-demand chunk (extension/entrypoints/overlay-ui.ts) leaves its API: on
 * `globalThis` of the content script's isolated world, which a module imported from the content
 * script shares (the page's own scripts never see it).
 */
export const UI_GLOBAL = '__veriguideOverlayUi';

/**
 * The overlay's heavy half (panel, tips, document checks, guard dialog), loaded on first need
 * so a provider page pays only for the launcher and the listeners (issue 6: 30 KB budget).
 */
export interface UiLoader {
  /** The chunk if it has loaded, so a listener can render in the same task. */
  get(): OverlayUi | null;
  /** Loads the chunk once; every caller shares the same promise. */
  load(): Promise<OverlayUi>;
}

/** A loader around `importUi`, remembering the result (a failed load is retried next time). */
export function createUiLoader(importUi: () => Promise<OverlayUi>): UiLoader {
  let loaded: OverlayUi | null = null;
  let pending: Promise<OverlayUi> | null = null;
  return {
    get: () => loaded,
    load() {
      if (loaded) return Promise.resolve(loaded);
      pending ??= importUi().then(
        (ui) => {
          loaded = ui;
          return ui;
        },
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
}

/** A loader whose chunk is already there (tests, and anything that bundles the UI itself). */
export const readyUi = (ui: OverlayUi): UiLoader => ({
  get: () => ui,
  load: () => Promise.resolve(ui),
});

/**
 * Runs `fn` with the chunk: in this task when it has loaded, else once it loads, unless
 * `signal` aborted meanwhile (the page moved on). A chunk that fails to load leaves the page
 * as it is, says so in the console and calls `onFailed`.
 */
export function withUi(
  ui: UiLoader,
  signal: AbortSignal,
  fn: (ui: OverlayUi) => void,
  onFailed?: () => void,
): void {
  const now = ui.get();
  if (now) {
    fn(now);
    return;
  }
  ui.load().then(
    (loaded) => {
      if (!signal.aborted) fn(loaded);
    },
    (error: unknown) => {
      console.warn('[veriguide] overlay UI failed to load', error);
      onFailed?.();
    },
  );
}

/**
 * The real chunk: a web-accessible script of the extension, imported from the content script
 * (which runs it in the content script's isolated world), that registers itself on
 * `globalThis[UI_GLOBAL]`.
 */
export async function importUiChunk(url: string): Promise<OverlayUi> {
  await import(/* @vite-ignore */ url);
  const ui = (globalThis as Record<string, unknown>)[UI_GLOBAL] as OverlayUi | undefined;
  if (!ui) throw new Error(`overlay UI at ${url} did not register`);
  return ui;
}
