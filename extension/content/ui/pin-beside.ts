import { placeBeside, type Side } from '../fields/placement';

/**
 * Moves `el` (position: fixed, already rendered so its size is known) beside `field` in `win`'s
 * viewport, trying `sides` in order (fields/placement.ts: never over the field). A field the page
 * hid (a collapsed step, a closed dialog) hides `el` with it. Called after render and whenever
 * the page scrolls or resizes.
 */
export function pinBeside(
  el: HTMLElement,
  field: Element,
  win: Window,
  sides: readonly Side[],
): void {
  const r = field.getBoundingClientRect();
  el.style.visibility = r.width === 0 && r.height === 0 ? 'hidden' : 'visible';
  const viewport = {
    width: win.document.documentElement.clientWidth || win.innerWidth,
    height: win.document.documentElement.clientHeight || win.innerHeight,
  };
  const place = placeBeside(r, { width: el.offsetWidth, height: el.offsetHeight }, viewport, sides);
  el.style.left = `${place.left}px`;
  el.style.top = `${place.top}px`;
  el.dataset.side = place.side;
}
