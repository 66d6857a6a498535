import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { DocumentFormat, DocumentRef, Playbook } from '../../../shared/playbooks/schema';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import {
  type DocumentCheck,
  validateDocumentNumber,
} from '../../../shared/validators/document-numbers';
import type { Feature, FeatureContext } from '../feature';
import { matchDocument, readSelectedType } from '../fields/document-type';
import type { FoundField } from '../fields/find-field';
import { childController, createOverlayHost, onViewportChange } from '../fields/overlay-host';
import { flowDocuments, type PlacedAnchor, pageFieldAnchors } from '../fields/page-anchors';
import { placeBeside } from '../fields/placement';
import { watchPageFields } from '../fields/watch-fields';

const TEXT = {
  typo: { en: 'Likely typo', zh: '可能输错了' },
  check: { en: 'Please check this number', zh: '请核对这个号码' },
  as: { en: 'Checked as', zh: '按此证件核对' },
  local: {
    en: 'Checked on this device only: the number is not saved or sent anywhere.',
    zh: '仅在本机核对：号码不会被保存或发送。',
  },
} satisfies Record<string, LocalizedText>;

const CSS = `
.warn { position: fixed; box-sizing: border-box; max-width: 320px; padding: 8px 10px;
  background: #fff1f0; border: 1px solid #d4380d; border-left-width: 4px; border-radius: 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); pointer-events: auto; }
.warn strong { display: block; color: #a8071a; }
.warn small { display: block; margin-top: 4px; color: #5c6570; }
`;

/** A shown warning: the outcome of a check, never the value that was checked. */
interface Warning {
  field: FoundField;
  check: Extract<DocumentCheck, { status: 'invalid' }>;
  document: DocumentRef | null;
}

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

function WarningBox({
  warning,
  locale,
  win,
  tick,
}: {
  warning: Warning;
  locale: Locale;
  win: Window;
  tick: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Measured after render and again whenever `tick` says the page scrolled or resized.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const viewport = {
      width: win.document.documentElement.clientWidth || win.innerWidth,
      height: win.document.documentElement.clientHeight || win.innerHeight,
    };
    const r = warning.field.element.getBoundingClientRect();
    // A field the page hid (a collapsed step, a closed dialog) takes its warning with it.
    el.style.visibility = r.width === 0 && r.height === 0 ? 'hidden' : 'visible';
    const place = placeBeside(r, { width: el.offsetWidth, height: el.offsetHeight }, viewport, [
      'below',
      'right',
      'above',
      'left',
    ]);
    el.style.left = `${place.left}px`;
    el.style.top = `${place.top}px`;
    el.dataset.side = place.side;
  }, [warning, tick]);
  const title = warning.check.reason === 'checksum' ? TEXT.typo : TEXT.check;
  return (
    <div
      ref={ref}
      class="warn"
      role="alert"
      data-testid="vg-validation"
      data-field={warning.field.anchor.id}
      data-reason={warning.check.reason}
      lang={locale === 'zh' ? 'zh-CN' : 'en'}
    >
      <strong>{pick(title, locale)}</strong>
      <span>{pick(warning.check.message, locale)}</span>
      {warning.document && (
        <small>
          {pick(TEXT.as, locale)}: {pick(warning.document.name, locale)}
        </small>
      )}
      <small>{pick(TEXT.local, locale)}</small>
    </div>
  );
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
      render(
        <div>
          {[...warnings.values()].map((w) => (
            <WarningBox key={w.field.anchor.id} warning={w} locale={locale} win={win} tick={tick} />
          ))}
        </div>,
        mount,
      );
    };

    const check = (target: PlacedAnchor): void => {
      const field = found.get(target.anchor.id);
      const control = field?.control;
      const hadWarning = warnings.delete(target.anchor.id);
      if (
        !field ||
        !(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)
      ) {
        if (hadWarning) paint();
        return;
      }
      const format = formatFor(playbook, target, found);
      // An empty field or a document without a known format has nothing to check.
      if (format && control.value.trim() !== '') {
        const result = validateDocumentNumber(format.format, control.value);
        if (result.status === 'invalid') {
          warnings.set(target.anchor.id, { field, check: result, document: format.document });
        }
      }
      paint();
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
    signal.addEventListener('abort', () => render(null, mount));
  },
};
