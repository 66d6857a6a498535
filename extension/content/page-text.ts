/**
 * Reading what a provider page shows, without touching its form values: headings, labels,
 * buttons, step bars and dialog titles are where consoles name the page and its steps. Every
 * function takes the document as an argument so tests drive them with fixtures.
 */

/** Elements whose text names a page or a field: headings, labels, buttons, dialog titles. */
const NAMES = [
  'h1',
  'h2',
  'h3',
  'h4',
  '[role="heading"]',
  'label',
  'legend',
  'button',
  '[role="button"]',
  '[role="tab"]',
  '[class*="title"]',
].join(',');

/** The names, and where a console shows progress and status: step bars, status rows, badges. */
const PROGRESS_HOLDERS = [
  NAMES,
  'dt',
  'dd',
  'th',
  '[aria-current]',
  '[class*="step"]',
  '[class*="label"]',
  '[class*="status"]',
];

/** Also the places a console shows progress and status: step bars, status rows and badges. */
const PROGRESS = [...PROGRESS_HOLDERS, '[class*="state"]'].join(',');

/** Texts longer than this are paragraphs, not names: ignoring them avoids false matches. */
const MAX_TEXT = 80;

/** Collapses whitespace and case so "Real-Name  Authentication" matches "real-name authentication". */
export const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The short texts of the page that name it (`names`: for recognising the page) or also show
 * progress and status (`progress`: for finding the current step), from the document and the
 * page's own open shadow roots (where web-component consoles put their forms), normalised,
 * plus the document title.
 */
export function structuralTexts(doc: Document, kind: 'names' | 'progress'): string[] {
  const selector = kind === 'names' ? NAMES : PROGRESS;
  const texts = [normalize(doc.title)];
  const collect = (root: ParentNode): void => {
    for (const el of root.querySelectorAll(selector)) {
      if (isOurs(el) || (kind === 'progress' && isOtherStep(el))) continue;
      const text = normalize(el.textContent ?? '');
      if (text && text.length <= MAX_TEXT) texts.push(text);
    }
  };
  collect(doc);
  for (const host of doc.querySelectorAll('body *')) {
    if (host.shadowRoot && !isOurs(host)) collect(host.shadowRoot);
  }
  return texts;
}

/**
 * A step bar lists every step, done or not: only its current item says where the user is.
 * Bars and items that are not marked current (aria-current, or a current/active/process
 * class as Tencent's tea-steps and Element UI's el-steps use) are skipped.
 */
const isOtherStep = (el: Element): boolean =>
  !readAsStep(classOf(el), el.hasAttribute('aria-current'));

/**
 * Whether an element with class `cls` (and aria-current or not) is read as a step bar's item: it
 * is no step item, or the current one. Also what decides whether a class or aria-current change
 * moves the bar's current item (`movesStep`).
 */
const readAsStep = (cls: string, ariaCurrent: boolean): boolean =>
  !/step/i.test(cls) || ariaCurrent || /current|active|process/i.test(cls);

/** An element's class attribute (an SVG element's className is no string). */
const classOf = (el: Element): string => (typeof el.className === 'string' ? el.className : '');

/** Our own hosts (and anything inside them) never count as page content. */
export const isOurs = (el: Element): boolean => {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.localName.startsWith('veriguide-')) return true;
  }
  return false;
};

/** Which of `signals` the page shows (a structural text contains the signal). */
export function signalsShown(texts: readonly string[], signals: readonly string[]): string[] {
  return signals.filter((signal) => {
    const s = normalize(signal);
    return s !== '' && texts.some((t) => t.includes(s));
  });
}

/**
 * The value shown next to a label, e.g. "Account ID: 200012345678" or a <dt>/<dd> pair:
 * finds an element whose own text is the label (a trailing colon allowed), then reads the
 * siblings that follow it, one at a time (then the parent's following siblings). Returns the
 * first match of `value` in one sibling's text, or null.
 */
export function labelledValue(
  doc: Document,
  labels: readonly string[],
  value: RegExp,
  scope: ParentNode = doc,
): string | null {
  const wanted = new Set(labels.map((l) => normalize(l)));
  const candidates = scope.querySelectorAll('span, dt, th, td, label, div, p, li, strong, b, em');
  for (const el of candidates) {
    if (el.children.length > 0) continue;
    const own = normalize(el.textContent ?? '');
    // "Account ID: 2000…" in one element.
    const inline = own.match(/^(.+?)\s*[:：]\s*(.+)$/);
    const named = inline?.[1] && inline[2] && wanted.has(inline[1]);
    // Our own hosts are skipped once a text matched: walking up from every leaf of a page with
    // a long list would cost more than the rest of the read (issue 6: churn).
    if (!named && !wanted.has(own.replace(/[:：]\s*$/, ''))) continue;
    if (isOurs(el)) continue;
    if (named) {
      const match = (el.textContent ?? '')
        .replace(/^[^:：]*[:：]/, '')
        .trim()
        .match(value);
      if (match) return match[0].trim();
    }
    if (!wanted.has(own.replace(/[:：]\s*$/, ''))) continue;
    let node: Element | null = el;
    for (let depth = 0; node && node !== doc.body && depth < 3; depth++) {
      const found = valueAfter(node, value);
      if (found) return found;
      node = node.parentElement;
    }
  }
  return null;
}

/** The first match of `value` in one of the few siblings after `el`. */
function valueAfter(el: Element, value: RegExp): string | null {
  let node = el.nextSibling;
  for (let i = 0; node && i < 4; i++, node = node.nextSibling) {
    const text = (node.textContent ?? '').replace(/^[\s:：]+/, '').trim();
    const match = text.match(value);
    if (match) return match[0].trim();
  }
  return null;
}

/**
 * Form controls a field anchor can point at, and what names them: their change can add, rename
 * or relabel a field. The ARIA widgets are those find-field.ts takes for controls; other roles
 * (`main`, `region`, `grid`, `row`...) are layout and say nothing the overlay reads.
 */
const FIELD_LIKE = [
  'input',
  'select',
  'textarea',
  'label',
  'legend',
  '[role="combobox"]',
  '[role="textbox"]',
  '[role="radiogroup"]',
  '[role="listbox"]',
  '[contenteditable]',
].join(',');

/**
 * Elements whose presence can change what the overlay reads: form controls, the names above,
 * and the places a console shows progress, status and the account. A list of unrelated rows (a
 * polling dashboard's `<li><span>`s, a grid's `role="row"`s) matches none of them, so its
 * mutations are skipped (issue 6: churn). `[class*="state"]` is left out on purpose: busy tables
 * use it for every row; a state shown in one still counts when the page around it changes.
 */
export const RELEVANT = [
  NAMES,
  FIELD_LIKE,
  'dt',
  'dd',
  'th',
  '[aria-current]',
  '[class*="step"]',
  '[class*="status"]',
  '[class*="account"]',
  '[class*="user"]',
  'header',
  '[class*="header"]',
  'title',
].join(',');

/**
 * Elements whose own TEXT the overlay reads (structural texts, status badges, the account name
 * in the top bar, a select and its options): a change of text inside one counts. Not landmarks or
 * layout containers (`main`, `role="region"`, a header bar, a `user-center` wrapper): they merely
 * contain things, and a busy list inside one must not count on every record (issue 6: churn).
 * Only elements this small count (see `SMALL_ELEMENTS`), so a `*-title-bar` or `step-content`
 * wrapping a whole page is a container too.
 */
const TEXT_HOLDERS = [
  ...PROGRESS_HOLDERS,
  '[class*="user-name"]',
  '[class*="username"]',
  '[class*="account-name"]',
  '[class*="user-info"]',
  'title',
  'select',
  'textarea',
  'option',
].join(',');

/**
 * An element with at most this many elements inside is a text holder (a step item, a badge, a
 * button with its icon, a label row); more is a container. The structural texts skip texts
 * longer than MAX_TEXT, which a dozen elements' worth of text soon exceeds.
 */
export const SMALL_ELEMENTS = 12;

/** Whether `el` holds few enough elements to be a text, not a container (native count). */
const small = (el: Element): boolean => el.getElementsByTagName('*').length <= SMALL_ELEMENTS;

/**
 * Words of the labelled rows the anchors read (account and status rows). A substring on
 * purpose: a container's text runs its rows together ("…doneStatus: Under review"). `UIN`
 * is a word, not a substring: "ruin", "penguin" or "guint" name no account.
 */
const LABELLED_WORDS = /account|status|账号|状态/i;
/** UIN in capitals right after the row before ("…doneUIN: 2000…"), where \b does not hold. */
const UIN_CAPITALS = /(?<![A-Z])UIN(?![A-Za-z])/;
/** Whether a text names an account or status row. */
const namesLabelledRow = (text: string): boolean =>
  LABELLED_WORDS.test(text) || /\buin\b/i.test(text) || UIN_CAPITALS.test(text);

/** Targets skipped unseen are looked at again this soon (what they gained meanwhile)... */
export const RECHECK_MS = 250;
/** ...or this soon once the last look found them all in the shape they had before. */
export const RECHECK_SETTLED_MS = 500;
/** A busy target whose shape did not change is still looked at in full after this long... */
export const FULL_LOOK_MS = 1000;
/** ...a wait that doubles up to this while it keeps holding nothing relevant. */
export const FULL_LOOK_MAX_MS = 4000;

/** An observer's view of mutation records: which may matter, remembering busy quiet targets. */
export interface MutationFilter {
  /** 'relevant': read the page again; 'unsure': call `recheck` in `recheckMs()`; else 'no'. */
  judge(records: readonly MutationRecord[]): 'relevant' | 'unsure' | 'no';
  /** Whether a target skipped unseen now holds something relevant. */
  recheck(): boolean;
  /** How soon `recheck` should run: RECHECK_MS, or RECHECK_SETTLED_MS while nothing changes. */
  recheckMs(): number;
}

/** What the filter remembers of a container found to hold nothing relevant. */
interface Quiet {
  /** Its shape when last looked at in full (see `shapeOf`). */
  shape: string;
  /** When it is next looked at in full even if its shape has not changed. */
  due: number;
  /** The wait before that look, doubled after every look that finds nothing. */
  wait: number;
  /** The relevant change seen last before that look (see `epoch` below). */
  epoch: number;
}

/**
 * Judges mutation records cheaply (issue 6: churn). A container found to hold nothing relevant
 * is "quiet": its records are not judged one by one; what it gains is looked at together,
 * RECHECK_MS after its records start (RECHECK_SETTLED_MS while its shape does not change).
 * That look first compares the container's shape (how many elements and form controls it
 * holds, counted natively) with the shape it had when last looked at in full:
 * a list re-rendered with the same rows has the same shape and gained nothing new. A different
 * shape (a field rendered into it, a row more) is looked at in full at once; the same shape is
 * still looked at in full every FULL_LOOK_MS, a wait that doubles while the container keeps
 * holding nothing, up to FULL_LOOK_MAX_MS, and is cut short by any relevant change elsewhere
 * (a new step or route can bring the container something new). So a field rendered into a
 * busy container is found within RECHECK_SETTLED_MS, and a status or step element swapped in
 * for a row of the same shape within FULL_LOOK_MAX_MS. A class or aria-current change is judged
 * on its own, busy container or not: its old and new class say whether it moved a step bar.
 */
export function createMutationFilter(selector: string = RELEVANT): MutationFilter {
  const quiet = new WeakMap<Node, Quiet>();
  let skipped = new Set<Node>();
  // Counts relevant changes: a quiet container last looked at before the latest one is looked
  // at in full again.
  let epoch = 0;
  // The last recheck found every busy container in the shape it had: the next can wait longer.
  let settled = false;
  const relevant = (target: Node): void => {
    quiet.delete(target);
    epoch++;
  };
  const holdsRelevant = (root: Element | DocumentFragment): boolean =>
    root.querySelector(selector) !== null || labelledText(root);
  return {
    judge(records) {
      let verdict: 'relevant' | 'unsure' | 'no' = 'no';
      for (const record of records) {
        const target = record.target;
        // A class or aria-current change is judged whatever its target, busy or not: a few
        // string tests, and a quiet container's remembered look says nothing about its class.
        if (record.type === 'attributes') {
          // Each property read of a record crosses into the browser: read the name once.
          const name = record.attributeName;
          if (name === 'class' || name === 'aria-current') {
            if (!stepMarkerMoved(target as Element, name, record.oldValue)) continue;
            relevant(target);
            return 'relevant';
          }
        }
        // Already waiting for its look: nothing more to note (the busy page's usual record).
        if (skipped.has(target)) continue;
        if (quiet.has(target)) {
          // Only what it gains can matter: what it loses was found irrelevant (or was gained
          // and lost between two looks, which leaves the page as it was).
          if (record.type === 'childList' && record.addedNodes.length > 0) {
            skipped.add(target);
            verdict = 'unsure';
          }
          continue;
        }
        if (isRelevantMutation(record, selector)) {
          relevant(target);
          return 'relevant';
        }
        // Only containers that gained nodes of the page become quiet: a text node's record is
        // judged by its parent, cheaply, every time; a removal alone, or our own host coming
        // or going, changes nothing to look at.
        const root = asRoot(target);
        const added = record.addedNodes;
        if (!root || record.type !== 'childList' || added.length === 0 || onlyOurs(added)) continue;
        // The container becomes quiet with the shape it has now, so what it holds now must have
        // been looked at: isRelevantMutation queried its elements; its text is looked at here.
        if (labelledText(root)) {
          relevant(target);
          return 'relevant';
        }
        settled = false;
        quiet.set(target, {
          shape: shapeOf(root),
          due: Date.now() + FULL_LOOK_MS,
          wait: FULL_LOOK_MS,
          epoch,
        });
      }
      return verdict;
    },
    recheck() {
      const targets = skipped;
      skipped = new Set();
      const at = Date.now();
      settled = true;
      for (const target of targets) {
        const q = quiet.get(target);
        const root = asRoot(target);
        if (!q || !root || !target.isConnected) continue;
        const shape = shapeOf(root);
        if (shape !== q.shape) settled = false;
        else if (at < q.due && q.epoch === epoch) continue;
        if (holdsRelevant(root)) {
          settled = false;
          relevant(target);
          return true;
        }
        const wait = q.epoch === epoch ? Math.min(q.wait * 2, FULL_LOOK_MAX_MS) : FULL_LOOK_MS;
        quiet.set(target, { shape, due: at + wait, wait, epoch });
      }
      return false;
    },
    recheckMs: () => (settled ? RECHECK_SETTLED_MS : RECHECK_MS),
  };
}

/** Whether a container's text names an account or status row (plain spans the anchors read). */
const labelledText = (root: Node): boolean => namesLabelledRow(root.textContent ?? '');

/** A record's target as a container of elements (an element or a shadow root), else null. */
const asRoot = (node: Node): (Element | DocumentFragment) | null =>
  node.nodeType === 1 || node.nodeType === 11 ? (node as Element | DocumentFragment) : null;

/**
 * How many elements and form controls a container holds: a few native counts, far cheaper than
 * matching the RELEVANT selector against every element of a long list (live collections are
 * counted without creating a wrapper per element).
 */
function shapeOf(root: Element | DocumentFragment): string {
  if (root.nodeType === 1) {
    const el = root as Element;
    const count = (tag: string): number => el.getElementsByTagName(tag).length;
    return `${count('*')}/${count('input') + count('select') + count('textarea')}`;
  }
  // A shadow root has no getElementsByTagName.
  const count = (sel: string): number => root.querySelectorAll(sel).length;
  return `${count('*')}/${count('input, select, textarea')}`;
}

/** The records of the page that matter, to whoever reads the page (see `pageChanges`). */
export interface PageChangeListener {
  /** Something the overlay reads may have changed: read the page again (batched as it likes). */
  changed(): void;
  /** True while the listener has a read scheduled anyway: records are then not judged for it. */
  pending(): boolean;
}

export interface PageChanges {
  /** Calls `listener` while `signal` lives. */
  listen(listener: PageChangeListener, signal: AbortSignal): void;
  /** Also watches inside one of the page's open shadow roots (once is enough). */
  observe(root: Node): void;
}

/** Attributes whose change can rename, relabel or hide a field. */
export const WATCHED_ATTRIBUTES = [
  'for',
  'id',
  'aria-label',
  'aria-labelledby',
  'placeholder',
  'hidden',
];

/**
 * Attributes that mark a step bar's current item: a console's step component moves the current
 * step by class (is-process, is-current, tea-step--current) or aria-current, its texts unchanged.
 */
export const STEP_MARKERS = ['class', 'aria-current'];

/** Whether a record is a change of one of the STEP_MARKERS. */
const isStepMarker = (record: MutationRecord): boolean =>
  record.type === 'attributes' &&
  (record.attributeName === 'class' || record.attributeName === 'aria-current');

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: [...WATCHED_ATTRIBUTES, ...STEP_MARKERS],
  // A class change counts only when it makes a step item current or no longer current: its
  // class before the change says which.
  attributeOldValue: true,
};

const hubs = new WeakMap<Document, PageChanges>();

/**
 * The page's DOM changes, watched once for everyone (issue 6: churn): the manager and the field
 * watch share one MutationObserver and one mutation filter, so a busy page's records are
 * delivered and judged once, not once per reader. The observer runs while someone listens.
 */
export function pageChanges(win: Window, doc: Document): PageChanges {
  const existing = hubs.get(doc);
  if (existing) return existing;
  const listeners = new Set<PageChangeListener>();
  let filter = createMutationFilter();
  let observer: MutationObserver | null = null;
  let observed = new WeakSet<Node>();
  let recheck: number | undefined;

  const notify = (): void => {
    for (const listener of [...listeners]) listener.changed();
  };
  const onRecords = (records: MutationRecord[]): void => {
    // Everyone is about to read the page anyway.
    let waiting = true;
    for (const listener of listeners) waiting &&= listener.pending();
    if (waiting) return;
    const verdict = filter.judge(records);
    if (verdict === 'relevant') notify();
    else if (verdict === 'unsure' && recheck === undefined) {
      recheck = win.setTimeout(() => {
        recheck = undefined;
        if (filter.recheck()) notify();
      }, filter.recheckMs());
    }
  };
  const stop = (): void => {
    observer?.disconnect();
    observer = null;
    observed = new WeakSet();
    filter = createMutationFilter();
    if (recheck !== undefined) win.clearTimeout(recheck);
    recheck = undefined;
  };

  const hub: PageChanges = {
    listen(listener, signal) {
      if (signal.aborted) return;
      listeners.add(listener);
      if (!observer) {
        observer = new MutationObserver(onRecords);
        observer.observe(doc.documentElement, OBSERVE);
        observed.add(doc.documentElement);
      }
      signal.addEventListener(
        'abort',
        () => {
          listeners.delete(listener);
          if (listeners.size === 0) stop();
        },
        { once: true },
      );
    },
    observe(root) {
      if (!observer || observed.has(root)) return;
      observed.add(root);
      observer.observe(root, OBSERVE);
    },
  };
  hubs.set(doc, hub);
  return hub;
}

/** Added or removed nodes looked at one by one per record; a long list is judged by its first few. */
const NODES_LOOKED_AT = 3;

/**
 * Whether a mutation record may change what the overlay reads: it adds or removes a relevant
 * element (or one containing one), changes text inside an element whose text the overlay reads
 * (TEXT_HOLDERS) or inside a small labelled row ("Status: Under review"), changes a watched
 * attribute of a form control or label, or moves a step bar's current item (a class or
 * aria-current change, see `movesStep`). Our own hosts never count. Cheap on purpose, since it
 * runs for every record of a busy page (issue 6: churn): one native query on the record's target
 * covers every added node (a target holding relevant elements counts, the back-off bounds that),
 * and of the nodes removed only the first few are looked at (the rows of a re-rendered list are
 * alike). What the target sits in counts only when it is a small text holder: a landmark, grid
 * or header bar around a busy list does not make its every record count.
 */
export function isRelevantMutation(record: MutationRecord, selector: string = RELEVANT): boolean {
  const target = record.target;
  if (isStepMarker(record)) {
    return stepMarkerMoved(target as Element, record.attributeName, record.oldValue);
  }
  // A shadow root's own children have no parent element: their host stands for it.
  const parent =
    target.nodeType === 1
      ? (target as Element)
      : target.nodeType === 11
        ? ((target as ShadowRoot).host ?? null)
        : target.parentElement;
  if (!parent || isOurs(parent)) return false;
  if (record.type === 'attributes') return namesField(parent, record.attributeName);
  // Only our own hosts added or removed is no change of the page.
  if (record.type === 'childList' && onlyOurs(record.addedNodes) && onlyOurs(record.removedNodes)) {
    return false;
  }
  return looksRelevant(record, target, parent, selector);
}

/**
 * Whether a watched attribute's change on `el` can rename, relabel, show or hide a field: `el`
 * is a form control or label, an element a label points at by id, or (`hidden`) holds one.
 */
function namesField(el: Element, attribute: string | null): boolean {
  if (el.matches(FIELD_LIKE)) return true;
  if (attribute === 'hidden') return el.querySelector(FIELD_LIKE) !== null;
  // aria-labelledby names a field by an element's id: any text element can be one.
  if (attribute === 'id') return el.matches(NAMES) || small(el);
  return false;
}

/**
 * Whether a class or aria-current change (from `oldValue`) on `el` changes what the structural
 * texts read of a step bar: a step item becomes current or stops being current (see
 * `isOtherStep`), or an element gains or loses aria-current (it is read as progress, or no
 * longer). Only a small element's text is read (a `step-content` wrapping a page is not), so a
 * bigger one does not count; a row of a busy list turning active is no step item.
 */
/** Whether a class or aria-current change moved a step bar on the page (not in our hosts). */
const stepMarkerMoved = (el: Element, attribute: string | null, oldValue: string | null): boolean =>
  // Pages toggle classes all the time (a busy list's active row): string tests first.
  movesStep(el, attribute, oldValue) && !isOurs(el);

function movesStep(el: Element, attribute: string | null, oldValue: string | null): boolean {
  if (attribute === 'class') {
    // The usual record (no step item before or after) ends here, without asking the DOM more.
    const before = oldValue ?? '';
    const after = classOf(el);
    if (!/step/i.test(before) && !/step/i.test(after)) return false;
    const ariaCurrent = el.hasAttribute('aria-current');
    if (readAsStep(before, ariaCurrent) === readAsStep(after, ariaCurrent)) return false;
  } else if ((oldValue !== null) === el.hasAttribute('aria-current')) {
    // Only aria-current's value changed ("step" -> "page"): it still marks the item current.
    return false;
  }
  return small(el);
}

function looksRelevant(
  record: MutationRecord,
  target: Node,
  parent: Element,
  selector: string,
): boolean {
  if (insideTextHolder(parent)) return true;
  if (record.type === 'characterData') return false;
  const added = record.addedNodes;
  const removed = record.removedNodes;
  if (added.length > 0) {
    const root = target.nodeType === 1 || target.nodeType === 11 ? (target as ParentNode) : null;
    if (root && root.querySelector(selector) !== null) return true;
  }
  for (const list of [added, removed]) {
    for (let i = 0; i < list.length && i < NODES_LOOKED_AT; i++) {
      const node = list[i];
      if (node?.nodeType !== 1) continue;
      const el = node as Element;
      if (el.localName.startsWith('veriguide-')) continue;
      if (el.matches(selector) || el.querySelector(selector) !== null) return true;
      // "Account ID: 2000…" or "Status: Under review" rows are plain spans.
      if (namesLabelledRow(el.textContent ?? '')) return true;
    }
  }
  return false;
}

/**
 * Whether a change inside `el` changes a text the overlay reads: `el` is inside a small text
 * holder (a heading, a status badge, a step item), or in a small row that names an account or
 * status ("Verification Status: <span>Under review</span>", the span's text changing). The walk
 * stops at the first element that is not small: everything above it is bigger still, a
 * container (a busy list's own records stop at the list).
 */
function insideTextHolder(el: Element): boolean {
  const holder = el.closest(TEXT_HOLDERS);
  // A select's options (a long country list) and a textarea's text are read whatever their size.
  if (holder?.matches('select, textarea, option')) return true;
  if (holder && small(holder)) return true;
  // The labelled row: up to two levels above the changed element, while they stay small.
  let row: Element | null = null;
  for (let node: Element | null = el, depth = 0; node && depth < 3; depth++) {
    if (!small(node)) break;
    row = node;
    node = node.parentElement;
  }
  return row !== null && namesLabelledRow(row.textContent ?? '');
}

const onlyOurs = (nodes: NodeList): boolean => {
  for (const node of nodes) {
    if (node.nodeType !== 1 || !(node as Element).localName.startsWith('veriguide-')) return false;
  }
  return true;
};
