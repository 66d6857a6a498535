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

/** Also the places a console shows progress and status: step bars, status rows and badges. */
const PROGRESS = [
  NAMES,
  'dt',
  'dd',
  'th',
  '[aria-current]',
  '[class*="step"]',
  '[class*="label"]',
  '[class*="status"]',
  '[class*="state"]',
].join(',');

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
const isOtherStep = (el: Element): boolean => {
  const cls = typeof el.className === 'string' ? el.className : '';
  if (!/step/i.test(cls)) return false;
  return !(el.hasAttribute('aria-current') || /current|active|process/i.test(cls));
};

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
    if (el.children.length > 0 || isOurs(el)) continue;
    const own = normalize(el.textContent ?? '');
    // "Account ID: 2000…" in one element.
    const inline = own.match(/^(.+?)\s*[:：]\s*(.+)$/);
    if (inline?.[1] && inline[2] && wanted.has(inline[1])) {
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
 * Elements whose presence or text can change what the overlay reads: form controls, the names
 * above, and the places a console shows progress, status and the account. A list of unrelated
 * rows (a polling dashboard's `<li><span>`s) matches none of them, so its mutations are skipped
 * (issue 6: churn). `[class*="state"]` is left out on purpose: busy tables use it for every row;
 * a state shown in one still counts when the page around it changes.
 */
export const RELEVANT = [
  NAMES,
  '[role]',
  'input',
  'select',
  'textarea',
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

/** Words of the labelled rows the anchors read (account and status rows). */
const LABELLED_WORDS = /account|uin|status|账号|状态/i;

/** A list re-rendered many times a second is looked at in full at most this often. */
export const QUIET_MS = 1000;
/** Targets skipped unseen are looked at again this soon (what they gained meanwhile). */
export const RECHECK_MS = 250;

/** An observer's view of mutation records: which may matter, remembering busy quiet targets. */
export interface MutationFilter {
  /** 'relevant': read the page again; 'unsure': call `recheck` in RECHECK_MS; else 'no'. */
  judge(records: readonly MutationRecord[]): 'relevant' | 'unsure' | 'no';
  /** Whether a target skipped unseen now holds something relevant. */
  recheck(): boolean;
}

/**
 * Judges mutation records cheaply (issue 6: churn). A target found to hold nothing relevant is
 * not looked at again for QUIET_MS; what such a target gains meanwhile is caught by `recheck`
 * (one query per target), so a field rendered into a busy container is still found.
 */
export function createMutationFilter(selector: string = RELEVANT): MutationFilter {
  const quiet = new WeakMap<Node, number>();
  let skipped = new Set<Node>();
  return {
    judge(records) {
      const at = Date.now();
      let verdict: 'relevant' | 'unsure' | 'no' = 'no';
      for (const record of records) {
        const judged = quiet.get(record.target);
        if (judged !== undefined && at - judged < QUIET_MS) {
          if (record.type === 'childList' && record.addedNodes.length > 0) {
            skipped.add(record.target);
            verdict = 'unsure';
          }
          continue;
        }
        if (isRelevantMutation(record, selector)) {
          quiet.delete(record.target);
          return 'relevant';
        }
        quiet.set(record.target, at);
      }
      return verdict;
    },
    recheck() {
      const targets = skipped;
      skipped = new Set();
      for (const target of targets) {
        if (!target.isConnected) continue;
        const root =
          target.nodeType === 1 || target.nodeType === 11 ? (target as ParentNode) : null;
        if (root?.querySelector(selector)) {
          quiet.delete(target);
          return true;
        }
      }
      return false;
    },
  };
}

/** Added or removed nodes looked at one by one per record; a long list is judged by its first few. */
const NODES_LOOKED_AT = 3;

/**
 * Whether a mutation record may change what the overlay reads: it adds or removes a relevant
 * element (or one containing one), or changes text inside one. Our own hosts never count.
 * Cheap on purpose, since it runs for every record of a busy page (issue 6: churn): one native
 * query on the record's target covers every added node (a target holding relevant elements
 * counts, the back-off bounds that), and of the nodes removed only the first few are looked at
 * (the rows of a re-rendered list are alike).
 */
export function isRelevantMutation(record: MutationRecord, selector: string = RELEVANT): boolean {
  const target = record.target;
  // A shadow root's own children have no parent element: their host stands for it.
  const parent =
    target.nodeType === 1
      ? (target as Element)
      : target.nodeType === 11
        ? ((target as ShadowRoot).host ?? null)
        : target.parentElement;
  if (!parent || isOurs(parent)) return false;
  if (record.type === 'attributes') return true;
  // Only our own hosts added or removed is no change of the page.
  if (record.type === 'childList' && onlyOurs(record.addedNodes) && onlyOurs(record.removedNodes)) {
    return false;
  }
  return looksRelevant(record, target, parent, selector);
}

function looksRelevant(
  record: MutationRecord,
  target: Node,
  parent: Element,
  selector: string,
): boolean {
  if (parent.closest(selector) !== null) return true;
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
      if (LABELLED_WORDS.test(el.textContent ?? '')) return true;
    }
  }
  return false;
}

const onlyOurs = (nodes: NodeList): boolean => {
  for (const node of nodes) {
    if (node.nodeType !== 1 || !(node as Element).localName.startsWith('veriguide-')) return false;
  }
  return true;
};
