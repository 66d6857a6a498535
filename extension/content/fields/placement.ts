/** A rectangle in viewport coordinates (what getBoundingClientRect returns). */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = 'right' | 'left' | 'below' | 'above';

export interface Placement {
  left: number;
  top: number;
  side: Side;
}

/** Space between the field and the overlay element. */
export const GAP = 8;

export const intersects = (a: Rect, b: Rect): boolean =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

const clamp = (value: number, min: number, max: number): number =>
  Math.max(min, Math.min(value, Math.max(min, max)));

/**
 * Where to put an element of `size` beside `field` in a viewport of `viewport`, trying `sides`
 * in order. The element never overlaps the field: each candidate sits wholly on one side of it,
 * and clamping into the viewport only slides it along that side. A candidate that fits the
 * viewport and avoids the `avoid` rects (other overlay parts) wins; otherwise the first that
 * fits; otherwise the first side (partly off-screen, but still not over the field).
 */
export function placeBeside(
  field: Rect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  sides: readonly Side[] = ['right', 'below', 'above', 'left'],
  avoid: readonly Rect[] = [],
): Placement {
  const at: Record<Side, () => Placement> = {
    right: () => ({
      side: 'right',
      left: field.left + field.width + GAP,
      top: clamp(field.top, 0, viewport.height - size.height),
    }),
    left: () => ({
      side: 'left',
      left: field.left - GAP - size.width,
      top: clamp(field.top, 0, viewport.height - size.height),
    }),
    below: () => ({
      side: 'below',
      left: clamp(field.left, 0, viewport.width - size.width),
      top: field.top + field.height + GAP,
    }),
    above: () => ({
      side: 'above',
      left: clamp(field.left, 0, viewport.width - size.width),
      top: field.top - GAP - size.height,
    }),
  };
  const candidates = sides.map((side) => at[side]());
  const fits = (p: Placement): boolean =>
    p.left >= 0 &&
    p.top >= 0 &&
    p.left + size.width <= viewport.width &&
    p.top + size.height <= viewport.height;
  const rectOf = (p: Placement): Rect => ({ left: p.left, top: p.top, ...size });
  const fitting = candidates.filter(fits);
  const chosen =
    fitting.find((p) => !avoid.some((r) => intersects(rectOf(p), r))) ??
    fitting[0] ??
    candidates[0];
  // `sides` is never empty in practice; fall back to the right side if a caller passes none.
  return chosen ?? { side: 'right', left: field.left + field.width + GAP, top: field.top };
}
