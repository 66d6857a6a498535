import { render } from 'preact';
import { createShadowHost } from '../../ui/shadow-host';
import type { Store } from '../../ui/store';
import type { OverlayHandle, OverlayState } from '../manager';
import { Overlay, type OverlayDeps } from './overlay';
import { OVERLAY_CSS } from './styles';

let painted = false;

/**
 * Mounts the launcher and panel in their own `veriguide-overlay` host. The first render marks
 * `veriguide:painted` (the budget is 50 ms after `veriguide:start`).
 */
export function mountOverlay(
  doc: Document,
  state: Store<OverlayState>,
  deps: OverlayDeps,
): OverlayHandle {
  const shadow = createShadowHost(doc, 'veriguide-overlay', OVERLAY_CSS);
  render(<Overlay state={state} deps={deps} />, shadow.mount);
  if (!painted) {
    painted = true;
    performance.mark('veriguide:painted');
  }
  return {
    destroy() {
      render(null, shadow.mount);
      shadow.remove();
    },
  };
}
