import { isOwnHost } from './find-field';

/** Base styles inside every host: the page's CSS cannot reach in, ours cannot leak out. */
const BASE_CSS = `
:host { all: initial !important; }
.layer { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2733; }
`;

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where the feature renders; positioned children use `position: fixed` in viewport space. */
  mount: HTMLElement;
}

/**
 * A `veriguide-*` element at the top of the document with its own shadow root: fixed, zero-sized
 * (it covers nothing itself), above the page's stacking contexts. Removed when `signal` aborts.
 */
export function createOverlayHost(
  doc: Document,
  name: `veriguide-${string}`,
  css: string,
  signal: AbortSignal,
): OverlayHost {
  const host = doc.createElement(name);
  if (!isOwnHost(host)) throw new Error(`overlay host ${name} must be a veriguide-* element`);
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; ' +
      'width: 0 !important; height: 0 !important; overflow: visible !important; ' +
      'z-index: 2147483647 !important; display: block !important;',
  );
  // Open, so assistive tech and the browser tests see in; it holds no page data.
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BASE_CSS + css;
  const mount = doc.createElement('div');
  mount.className = 'layer';
  root.append(style, mount);
  doc.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root, mount };
}

/**
 * Calls `update` (at most once per frame) when the page scrolls anywhere or the window resizes,
 * so overlay parts follow their field.
 */
export function onViewportChange(win: Window, signal: AbortSignal, update: () => void): void {
  let frame: number | undefined;
  const schedule = (): void => {
    if (frame !== undefined || signal.aborted) return;
    frame = win.requestAnimationFrame(() => {
      frame = undefined;
      if (!signal.aborted) update();
    });
  };
  win.addEventListener('scroll', schedule, { capture: true, passive: true, signal });
  win.addEventListener('resize', schedule, { passive: true, signal });
  signal.addEventListener('abort', () => {
    if (frame !== undefined) win.cancelAnimationFrame(frame);
  });
}

/** An AbortController that also aborts with `parent` (per-element listeners in a feature). */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) child.abort();
  else parent.addEventListener('abort', () => child.abort(), { once: true, signal: child.signal });
  return child;
}
