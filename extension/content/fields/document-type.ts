import type { DocumentRef } from '../../../shared/playbooks/schema';
import { ownText } from './find-field';
import { normalizeLabel } from './label-text';

/**
 * The text of the document type selected in an ID-type field: a native <select>, a radio group,
 * or a console's custom select (a read-only input or a box showing the chosen option). Only the
 * TYPE is read here; this is never called on a document-number field.
 */
export function readSelectedType(field: HTMLElement): string | null {
  if (field instanceof HTMLSelectElement) {
    // options[selectedIndex] rather than selectedOptions: some DOMs (happy-dom) keep the latter stale.
    const option = field.options[field.selectedIndex];
    return option && option.value !== '' ? (option.textContent ?? null) : null;
  }
  const checked =
    field instanceof HTMLInputElement && field.type === 'radio'
      ? (field.closest('[role="radiogroup"]')?.querySelector<HTMLInputElement>('input:checked') ??
        (field.checked ? field : null))
      : field.querySelector<HTMLInputElement>('input[type="radio"]:checked');
  if (checked) return radioLabel(checked);
  const ariaChecked = field.querySelector('[role="radio"][aria-checked="true"]');
  if (ariaChecked) return ariaChecked.textContent;
  // Custom selects (Element UI, TDesign) show the chosen option's text in a read-only input.
  // Only such inputs are read: a typed value is never taken for a document type.
  if (field instanceof HTMLInputElement) {
    const picker = field.readOnly || field.getAttribute('role') === 'combobox';
    return picker ? field.value || null : null;
  }
  const shown = field.querySelector(
    '[title], .selected, [class*="selection-item"], [class*="value"]',
  );
  return (shown?.getAttribute('title') || shown?.textContent || field.textContent || null) ?? null;
}

function radioLabel(radio: HTMLInputElement): string | null {
  const root = radio.getRootNode();
  const byFor =
    radio.id && (root instanceof Document || root instanceof ShadowRoot)
      ? root.querySelector(`label[for="${CSS.escape(radio.id)}"]`)
      : null;
  const label = byFor ?? radio.closest('label');
  if (label) return ownText(label);
  return radio.getAttribute('aria-label') ?? radio.nextSibling?.textContent ?? null;
}

const compact = (text: string): string => normalizeLabel(text).replace(/[\s'’.,，、-]/g, '');

/**
 * The playbook document a page's option text names, by its English or Chinese name: equal
 * names first, then the one whose name contains the option text or is contained in it (the
 * consoles shorten "Mainland Travel Permit for Hong Kong and Macao Residents" differently).
 * Ambiguous or unknown text gives null, and then nothing is checked.
 */
export function matchDocument(
  optionText: string | null,
  documents: readonly DocumentRef[],
): DocumentRef | null {
  if (!optionText) return null;
  const text = compact(optionText);
  if (!text) return null;
  const names = (d: DocumentRef) => [compact(d.name.en), compact(d.name.zh)];
  const exact = documents.filter((d) => names(d).includes(text));
  if (exact.length === 1) return exact[0] ?? null;
  const partial = documents.filter((d) =>
    names(d).some((n) => n.length > 0 && (n.includes(text) || text.includes(n))),
  );
  return partial.length === 1 ? (partial[0] ?? null) : null;
}
