import type { FeatureContext } from '../feature';
import { pageChanges } from '../page-text';
import { type FoundField, findFields, searchRoots } from './find-field';
import { normalizeLabel } from './label-text';
import { type PlacedAnchor, pageFieldAnchors } from './page-anchors';

/** Mutations are batched: one scan at most this often, however busy the page is. */
export const SCAN_DELAY_MS = 80;
/** While relevant mutations keep coming, fields are found again at most about once this often. */
export const SCAN_BACKOFF_MS = 1000;
/** Fields may render late; the "page changed" check waits this long before judging. */
export const DRIFT_GRACE_MS = 2500;

export interface WatchFieldsOptions {
  anchors: readonly PlacedAnchor[];
  /** Called with every field found whenever the set of found elements changes. */
  onChange(found: ReadonlyMap<string, FoundField>): void;
  /** Report anchors the page should show but does not, once each, after the grace period. */
  reportDrift?: boolean;
}

/**
 * The page's short texts that can mark a step: headings, labels and step markers (not
 * containers), normalised as labels are. Read once per drift check, not once per anchor: a page
 * with a long list elsewhere has hundreds of them (issue 6: churn).
 */
function markerTexts(doc: Document): Set<string> {
  const texts = new Set<string>();
  for (const root of searchRoots(doc)) {
    for (const el of root.querySelectorAll('h1, h2, h3, h4, h5, h6, li, span, div, p, label')) {
      if (el.childElementCount > 3) continue; // a container, not a heading or marker
      const text = el.textContent ?? '';
      if (text.length <= 80) texts.add(normalizeLabel(text));
    }
  }
  return texts;
}

/** Whether the page shows the step's `signal` text (as `labelMatches` compares labels). */
function pageShowsSignal(texts: () => Set<string>, placed: PlacedAnchor): boolean {
  const signal = placed.step.signal;
  if (!signal) return false;
  return [...signal.en, ...signal.zh].some((s) => {
    const wanted = normalizeLabel(s);
    return wanted.length > 0 && texts().has(wanted);
  });
}

const FORM_CONTROLS =
  'input:not([type="hidden"]):not([type="submit"]):not([type="button"]), select, textarea';

/**
 * Anchors the page should show but does not. A step is expected on the page when one of its
 * fields was found (the rest should be beside it) or when the page shows the step's signal text.
 * A page with a form where no anchor matches at all has changed its labels: the first step
 * with fields of each flow is reported.
 */
export function missingAnchors(
  ctx: FeatureContext,
  anchors: readonly PlacedAnchor[],
  found: ReadonlyMap<string, FoundField>,
): PlacedAnchor[] {
  const stepsWithHits = new Set(anchors.filter((a) => found.has(a.anchor.id)).map((a) => a.step));
  let read: Set<string> | null = null;
  const texts = (): Set<string> => {
    read ??= markerTexts(ctx.document);
    return read;
  };
  const missing = anchors.filter(
    (a) => !found.has(a.anchor.id) && (stepsWithHits.has(a.step) || pageShowsSignal(texts, a)),
  );
  if (found.size > 0 || missing.length > 0) return missing;
  const controls = searchRoots(ctx.document).flatMap((root) => [
    ...root.querySelectorAll(FORM_CONTROLS),
  ]);
  if (controls.length === 0) return [];
  const firstStepPerFlow = new Map<string, PlacedAnchor['step']>();
  for (const a of anchors)
    if (!firstStepPerFlow.has(a.flow.id)) firstStepPerFlow.set(a.flow.id, a.step);
  const firstSteps = new Set(firstStepPerFlow.values());
  return anchors.filter((a) => firstSteps.has(a.step));
}

/**
 * Keeps the page's fields found while the feature lives: scans now, again after the page's DOM
 * changes (including inside its open shadow roots), and stops with `ctx.signal`.
 */
export function watchFields(ctx: FeatureContext, options: WatchFieldsOptions): void {
  const { signal, window: win, document: doc } = ctx;
  const anchors = options.anchors.map((a) => a.anchor);
  let current = new Map<string, FoundField>();
  let timer: number | undefined;
  const changes = pageChanges(win, doc);

  const scan = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    for (const root of searchRoots(doc)) if (root !== doc) changes.observe(root);
    const next = findFields(doc, anchors);
    const changed =
      next.size !== current.size ||
      [...next].some(([id, f]) => current.get(id)?.element !== f.element);
    current = next;
    if (changed) options.onChange(current);
  };
  let recent: number[] = [];
  const schedule = (): void => {
    if (timer !== undefined || signal.aborted) return;
    const at = Date.now();
    recent = recent.filter((t) => at - t < SCAN_BACKOFF_MS);
    // Two quick scans cover fields rendered in stages; a third within the second waits.
    const delay = recent.length >= 2 ? SCAN_BACKOFF_MS : SCAN_DELAY_MS;
    timer = win.setTimeout(() => {
      recent.push(Date.now());
      scan();
    }, delay);
  };

  // The page's changes are watched once for every reader (page-text.ts): records that add,
  // remove or rename no form control, label or heading (a busy list elsewhere on the page) are
  // skipped (issue 6: churn).
  changes.listen({ changed: schedule, pending: () => timer !== undefined }, signal);
  signal.addEventListener('abort', () => {
    if (timer !== undefined) win.clearTimeout(timer);
  });

  scan();

  if (options.reportDrift) {
    const driftTimer = win.setTimeout(() => {
      if (signal.aborted) return;
      // Judge the page as it is now, not as of the last batched scan.
      if (timer !== undefined) {
        win.clearTimeout(timer);
        scan();
      }
      for (const miss of missingAnchors(ctx, options.anchors, current)) {
        ctx.reportDrift(`field:${miss.anchor.id}`);
      }
    }, DRIFT_GRACE_MS);
    signal.addEventListener('abort', () => win.clearTimeout(driftTimer));
  }
}

interface SharedWatch {
  found: ReadonlyMap<string, FoundField>;
  listeners: Set<(found: ReadonlyMap<string, FoundField>) => void>;
}
/** One watch per feature session (keyed by its signal), shared by every field feature. */
const sessions = new WeakMap<AbortSignal, SharedWatch>();

/**
 * The fields of the page's flows, watched once per session however many features ask: the tips
 * and the document check share one observer and one scan, and drift is reported once.
 * `onChange` gets the current fields at once if the page was already scanned.
 */
export function watchPageFields(
  ctx: FeatureContext,
  onChange: (found: ReadonlyMap<string, FoundField>) => void,
): void {
  const existing = sessions.get(ctx.signal);
  if (existing) {
    existing.listeners.add(onChange);
    if (existing.found.size > 0) onChange(existing.found);
    return;
  }
  const watch: SharedWatch = { found: new Map(), listeners: new Set([onChange]) };
  sessions.set(ctx.signal, watch);
  watchFields(ctx, {
    anchors: pageFieldAnchors(ctx.playbook, ctx.page),
    reportDrift: true,
    onChange(found) {
      watch.found = found;
      for (const listener of watch.listeners) listener(found);
    },
  });
}
