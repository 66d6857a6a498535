import type { FeatureContext } from '../feature';
import { createMutationFilter, RECHECK_MS } from '../page-text';
import { type FoundField, findFields, searchRoots } from './find-field';
import { labelMatches } from './label-text';
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

const WATCHED_ATTRIBUTES = ['for', 'id', 'aria-label', 'aria-labelledby', 'placeholder', 'hidden'];

/** Page text that marks a step (its `signal`): a heading, label or step marker with that text. */
function pageShowsSignal(ctx: FeatureContext, placed: PlacedAnchor): boolean {
  const signal = placed.step.signal;
  if (!signal) return false;
  const texts = [...signal.en, ...signal.zh];
  for (const root of searchRoots(ctx.document)) {
    for (const el of root.querySelectorAll('h1, h2, h3, h4, h5, h6, li, span, div, p, label')) {
      if (el.childElementCount > 3) continue; // a container, not a heading or marker
      const text = el.textContent ?? '';
      if (text.length <= 80 && labelMatches(text, texts)) return true;
    }
  }
  return false;
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
  const missing = anchors.filter(
    (a) => !found.has(a.anchor.id) && (stepsWithHits.has(a.step) || pageShowsSignal(ctx, a)),
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
  const observed = new WeakSet<Node>();

  const scan = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    for (const root of searchRoots(doc)) {
      if (root !== doc && !observed.has(root)) {
        observed.add(root);
        observer.observe(root, observeOptions);
      }
    }
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

  const observeOptions: MutationObserverInit = {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  };
  // Records that add, remove or rename no form control, label or heading (a busy list
  // elsewhere on the page) are skipped (issue 6: churn).
  const filter = createMutationFilter();
  let recheck: number | undefined;
  const observer = new MutationObserver((records) => {
    if (timer !== undefined) return;
    const verdict = filter.judge(records);
    if (verdict === 'relevant') schedule();
    else if (verdict === 'unsure' && recheck === undefined) {
      recheck = win.setTimeout(() => {
        recheck = undefined;
        if (filter.recheck()) schedule();
      }, RECHECK_MS);
    }
  });
  observer.observe(doc.documentElement, observeOptions);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
    if (recheck !== undefined) win.clearTimeout(recheck);
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
