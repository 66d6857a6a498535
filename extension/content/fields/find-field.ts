import type { FieldAnchor } from '../../../shared/playbooks/schema';
import { normalizeLabel } from './label-text';

/** Where a field can live: the document or one of the page's own open shadow roots. */
export type SearchRoot = Document | ShadowRoot;

/** How the field was recognised, kept for diagnostics and tests. */
export type FoundBy =
  | 'label-for'
  | 'label-wrap'
  | 'aria-labelledby'
  | 'aria-label'
  | 'placeholder'
  | 'sibling-label';

export interface FoundField {
  anchor: FieldAnchor;
  /**
   * The element the user works with: the control itself, or the group around a set of radio
   * buttons (so focus, hover and placement cover the whole choice).
   */
  element: HTMLElement;
  /** The control the label names (the same as `element` except for radio groups). */
  control: HTMLElement;
  by: FoundBy;
}

/** Form controls a field anchor can point at, including the ARIA widgets consoles build. */
const CONTROL = [
  'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"])',
  'select',
  'textarea',
  '[role="combobox"]',
  '[role="textbox"]',
  '[role="radiogroup"]',
  '[role="listbox"]',
  '[contenteditable="true"]',
  '[contenteditable=""]',
].join(',');

/** Elements a console uses for a label that is not a <label> (form-item label + control). */
const LABEL_LIKE = 'label, span, div, td, th, dt, p, strong, b, em, legend';

/** Label texts longer than this are prose, not a field label; skipping them keeps scans cheap. */
const MAX_LABEL_CHARS = 80;

/** Our own hosts: never searched, never counted as page content. */
export const isOwnHost = (el: Element): boolean => el.localName.startsWith('veriguide-');

const isControl = (el: Element): el is HTMLElement => el.matches(CONTROL);

/** Hidden templates and closed dropdowns are not fields the user can fill. */
const usable = (el: Element): boolean => !el.closest('[hidden], [aria-hidden="true"]');

/**
 * The document and every open shadow root under it (recursively), skipping our own hosts. Closed
 * shadow roots are out of reach by design of the platform.
 */
export function searchRoots(doc: Document): SearchRoot[] {
  const roots: SearchRoot[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i];
    if (!root) continue;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot && !isOwnHost(el)) roots.push(el.shadowRoot);
    }
  }
  return roots;
}

/**
 * Text of an element without the text of the controls inside it: a wrapping
 * `<label>ID Type <select>…</select></label>` reads as "ID Type", not as its option list.
 */
export function ownText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (isControl(child) || child.matches('option, optgroup, button')) continue;
      text += ` ${ownText(child)} `;
    }
  }
  return text;
}

/** A radio button stands for its whole group: the radiogroup, or the box holding its siblings. */
function fieldElement(control: HTMLElement): HTMLElement {
  if (!(control instanceof HTMLInputElement) || control.type !== 'radio') return control;
  const group = control.closest<HTMLElement>('[role="radiogroup"]');
  if (group) return group;
  const name = control.name;
  let box = control.parentElement;
  for (let depth = 0; box && depth < 4; depth++, box = box.parentElement) {
    const radios = box.querySelectorAll('input[type="radio"]');
    const sameName = [...radios].every((r) => (r as HTMLInputElement).name === name);
    if (radios.length > 1 && sameName) return box;
  }
  return control;
}

/** The first control after a label element in a console layout (label cell + control cell). */
function controlAfter(label: Element): HTMLElement | null {
  let node: Element | null = label;
  for (let level = 0; node && level < 3; level++, node = node.parentElement) {
    let sibling = node.nextElementSibling;
    for (let hops = 0; sibling && hops < 2; hops++, sibling = sibling.nextElementSibling) {
      if (isOwnHost(sibling)) continue;
      if (isControl(sibling) && usable(sibling)) return sibling;
      const inner = [...sibling.querySelectorAll<HTMLElement>(CONTROL)].find(usable);
      if (inner) return inner;
    }
    // Climbing past a container that holds other controls would reach a neighbouring field.
    if (node.parentElement?.querySelector(CONTROL) && level > 0) break;
  }
  return null;
}

/**
 * What one scan reads from a root, once for all anchors: label texts are normalised a single
 * time, and only small elements are read as captions (reading the text of every big container
 * on a console page would cost time on each scan).
 */
export interface RootIndex {
  root: SearchRoot;
  labels: { el: HTMLLabelElement; text: string }[];
  controls: HTMLElement[];
  captions: { el: Element; text: string }[];
}

/**
 * Indexes a root for a scan. With `wanted` (the label texts the scan looks for), captions whose
 * text is none of them are dropped before the costlier checks: a page with a long list beside
 * its form has hundreds of small spans that name no field (issue 6: churn).
 */
export function indexRoot(root: SearchRoot, wanted?: ReadonlySet<string>): RootIndex {
  const labels = [...root.querySelectorAll('label')]
    .filter(usable)
    .map((el) => ({ el, text: normalizeLabel(ownText(el)) }));
  const controls = [...root.querySelectorAll<HTMLElement>(CONTROL)].filter(usable);
  const captions: RootIndex['captions'] = [];
  for (const el of root.querySelectorAll(LABEL_LIKE)) {
    if (el.childElementCount > 3) continue;
    const raw = el.textContent ?? '';
    if (raw.length > MAX_LABEL_CHARS) continue;
    const text = normalizeLabel(raw);
    if (wanted && !wanted.has(text)) continue;
    if (isControl(el) || !usable(el) || el.querySelector(CONTROL)) continue;
    captions.push({ el, text });
  }
  return { root, labels, controls, captions };
}

function findInRoot(
  index: RootIndex,
  labels: ReadonlySet<string>,
  taken: ReadonlySet<Element>,
): { control: HTMLElement; by: FoundBy } | null {
  const { root } = index;
  const free = (el: Element | null | undefined): el is HTMLElement =>
    !!el && isControl(el) && usable(el) && !taken.has(el);
  const named = (text: string | null | undefined): boolean =>
    !!text && labels.has(normalizeLabel(text));

  // <label for=…> and <label> wrapping its control.
  for (const label of index.labels) {
    if (!labels.has(label.text)) continue;
    const forId = label.el.getAttribute('for');
    if (forId) {
      const target = root.getElementById(forId);
      if (free(target)) return { control: target, by: 'label-for' };
    }
    const wrapped = [...label.el.querySelectorAll(CONTROL)].find(free);
    if (wrapped) return { control: wrapped, by: 'label-wrap' };
  }

  const controls = index.controls.filter(free);
  for (const control of controls) {
    const ids = control.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
    const text = ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' ');
    if (ids.length > 0 && named(text)) return { control, by: 'aria-labelledby' };
  }
  for (const control of controls) {
    if (named(control.getAttribute('aria-label'))) return { control, by: 'aria-label' };
  }
  for (const control of controls) {
    if (named(control.getAttribute('placeholder'))) return { control, by: 'placeholder' };
  }

  // Console layouts: a label cell/div beside the control's cell.
  for (const caption of index.captions) {
    if (!labels.has(caption.text)) continue;
    const control = controlAfter(caption.el);
    if (control && !taken.has(control)) return { control, by: 'sibling-label' };
  }
  return null;
}

/** The normalised label texts of an anchor, in every language. */
const anchorLabels = (anchor: FieldAnchor): Set<string> =>
  new Set([...anchor.labels.en, ...anchor.labels.zh].map(normalizeLabel).filter(Boolean));

/** Finds one anchor's field by its label text in any language, across indexed roots. */
export function findField(
  indexes: readonly RootIndex[],
  anchor: FieldAnchor,
  taken: ReadonlySet<Element> = new Set(),
): FoundField | null {
  const labels = anchorLabels(anchor);
  for (const index of indexes) {
    const hit = findInRoot(index, labels, taken);
    if (hit) {
      return { anchor, element: fieldElement(hit.control), control: hit.control, by: hit.by };
    }
  }
  return null;
}

/**
 * Finds every anchor's field on the page (document and open shadow roots). Each control is
 * claimed by one anchor at most, in the anchors' order.
 */
export function findFields(
  doc: Document,
  anchors: readonly FieldAnchor[],
): Map<string, FoundField> {
  const wanted = new Set(anchors.flatMap((anchor) => [...anchorLabels(anchor)]));
  const indexes = searchRoots(doc).map((root) => indexRoot(root, wanted));
  const taken = new Set<Element>();
  const found = new Map<string, FoundField>();
  for (const anchor of anchors) {
    if (found.has(anchor.id)) continue;
    const hit = findField(indexes, anchor, taken);
    if (!hit) continue;
    taken.add(hit.element);
    taken.add(hit.control);
    found.set(anchor.id, hit);
  }
  return found;
}
