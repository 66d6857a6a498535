import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { overlayUi } from '../content/ui';
import { UI_GLOBAL } from '../content/ui-loader';

/**
 * The overlay's on-demand half (panel, field tips, document checks, guard dialog). The content
 * script imports this file (web-accessible, provider consoles only) on first need; it runs in
 * the content script's isolated world and leaves its API on that world's `globalThis`.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[UI_GLOBAL] = overlayUi;
});
