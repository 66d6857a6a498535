import type { DocumentFormat, DocumentRef, Playbook } from '../../../shared/playbooks/schema';
import type { Feature, FeatureContext } from '../feature';
import { matchDocument, readSelectedType } from '../fields/document-type';
import type { FoundField } from '../fields/find-field';
import { childController, createOverlayHost, onViewportChange } from '../fields/overlay-host';
import { flowDocuments, type PlacedAnchor, pageFieldAnchors } from '../fields/page-anchors';
import { watchPageFields } from '../fields/watch-fields';
import type { Warning } from '../ui/document-warnings';
import { withUi } from '../ui-loader';

const CSS = `
.warn { position: fixed; box-sizing: border-box; max-width: 320px; padding: 8px 10px;
  background: #fff1f0; border: 1px solid #d4380d; border-left-width: 4px; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); pointer-events: auto; }
.warn strong { display: block; color: #a8071a; }
.warn small { display: block; margin-top: 4px; color: #5c6570; }
`;

/**
 * The format a document-number field's value follows: fixed by the anchor, or the format of the
 * document selected in the page's ID-type field (read as a TYPE only).
 */
export function formatFor(
  playbook: Playbook,
  placed: PlacedAnchor,
  found: ReadonlyMap<string, FoundField>,
): { format: DocumentFormat; document: DocumentRef | null } | null {
  const validate = placed.anchor.validate;
  if (!validate) return null;
  if (validate.format) return { format: validate.format, document: null };
  const typeField = validate.documentTypeField ? found.get(validate.documentTypeField) : undefined;
  if (!typeField) return null;
  const document = matchDocument(
    readSelectedType(typeField.control),
    flowDocuments(playbook, placed.flow),
  );
  return document?.format ? { format: document.format, document } : null;
}

/**
 * Document-number check: when the user leaves a document-number field, its value is checked on
 * this device with the shared validator for the selected document type. A likely typo shows a
 * warning beside the field until the number is corrected. The value is read inside the event
 * handler, passed to the validator and dropped: never kept, logged, stored or sent.
 */
export const documentCheck: Feature = {
  id: 'document-check',
  runsOn: (page, playbook) => pageFieldAnchors(playbook, page).some((a) => a.anchor.validate),
  init(ctx: FeatureContext) {
    const { signal, window: win, document: doc, locale, playbook } = ctx;
    const placed = pageFieldAnchors(playbook, ctx.page);
    const { mount } = createOverlayHost(doc, 'veriguide-document-check', CSS, signal);
    let found: ReadonlyMap<string, FoundField> = new Map();
    const warnings = new Map<string, Warning>();
    const wired = new Map<string, { element: HTMLElement; controller: AbortController }>();
    let tick = 0;

    const paint = (): void => {
      if (signal.aborted) return;
      // Warnings come from the UI chunk's validator: without it none was ever shown.
      ctx.ui.get()?.renderWarnings(mount, { warnings: [...warnings.values()], locale, win, tick });
    };

    const check = (target: PlacedAnchor): void => {
      const id = target.anchor.id;
      const field = found.get(id);
      const control = field?.control;
      const hadWarning = warnings.delete(id);
      if (
        !field ||
        !(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)
      ) {
        if (hadWarning) paint();
        return;
      }
      const format = formatFor(playbook, target, found);
      // An empty field or a document without a known format has nothing to check.
      if (!format || control.value.trim() === '') {
        paint();
        return;
      }
      withUi(ctx.ui, signal, (ui) => {
        // The validator may arrive a moment later: check the field as it is then.
        if (found.get(id) !== field) return;
        warnings.delete(id);
        if (control.value.trim() !== '') {
          const result = ui.checkDocumentNumber(format.format, control.value);
          if (result.status === 'invalid') {
            warnings.set(id, { field, check: result, document: format.document });
          }
        }
        paint();
      });
    };

    const wire = (target: PlacedAnchor, field: FoundField): AbortController => {
      const controller = childController(signal);
      const opts = { signal: controller.signal };
      field.control.addEventListener('blur', () => check(target), opts);
      // Enter commits the value (and may submit) without a blur.
      field.control.addEventListener('change', () => check(target), opts);
      // Once a warning shows, it follows the user's correction as they type.
      field.control.addEventListener(
        'input',
        () => {
          if (warnings.has(target.anchor.id)) check(target);
        },
        opts,
      );
      return controller;
    };

    const typeFieldIds = new Set(
      placed.map((p) => p.anchor.validate?.documentTypeField).filter((id) => id !== undefined),
    );
    const wireTypeField = (id: string, field: FoundField): AbortController => {
      const controller = childController(signal);
      // A new document type changes the rules for a number already flagged.
      field.element.addEventListener(
        'change',
        () => {
          for (const p of placed) {
            if (p.anchor.validate?.documentTypeField === id && warnings.has(p.anchor.id)) check(p);
          }
        },
        { signal: controller.signal },
      );
      return controller;
    };

    watchPageFields(ctx, (next) => {
      found = next;
      for (const [id, entry] of wired) {
        if (next.get(id)?.element === entry.element) continue;
        entry.controller.abort();
        wired.delete(id);
        warnings.delete(id);
      }
      for (const p of placed) {
        const field = next.get(p.anchor.id);
        if (!field || wired.has(p.anchor.id)) continue;
        if (p.anchor.validate) {
          wired.set(p.anchor.id, { element: field.element, controller: wire(p, field) });
        } else if (typeFieldIds.has(p.anchor.id)) {
          wired.set(p.anchor.id, {
            element: field.element,
            controller: wireTypeField(p.anchor.id, field),
          });
        }
      }
      paint();
    });
    onViewportChange(win, signal, () => {
      tick++;
      if (warnings.size > 0) paint();
    });
    signal.addEventListener('abort', () => ctx.ui.get()?.renderWarnings(mount, null));
  },
};
