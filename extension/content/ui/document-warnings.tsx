import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { DocumentRef } from '../../../shared/playbooks/schema';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import type { DocumentCheck } from '../../../shared/validators/document-numbers';
import type { FoundField } from '../fields/find-field';
import { pinBeside } from './pin-beside';

const TEXT = {
  typo: { en: 'Likely typo', zh: '可能输错了' },
  check: { en: 'Please check this number', zh: '请核对这个号码' },
  as: { en: 'Checked as', zh: '按此证件核对' },
  local: {
    en: 'Checked on this device only: the number is not saved or sent anywhere.',
    zh: '仅在本机核对：号码不会被保存或发送。',
  },
} satisfies Record<string, LocalizedText>;

/** A shown warning: the outcome of a check, never the value that was checked. */
export interface Warning {
  field: FoundField;
  check: Extract<DocumentCheck, { status: 'invalid' }>;
  document: DocumentRef | null;
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
    pinBeside(el, warning.field.element, win, ['below', 'right', 'above', 'left']);
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

export interface WarningsProps {
  warnings: readonly Warning[];
  locale: Locale;
  win: Window;
  /** Changes when the page scrolls or resizes, so warnings follow their fields. */
  tick: number;
}

/** Shows a warning beside each field whose number looks wrong. */
export function renderWarnings(mount: HTMLElement, props: WarningsProps | null): void {
  render(
    props && (
      <div>
        {props.warnings.map((w) => (
          <WarningBox
            key={w.field.anchor.id}
            warning={w}
            locale={props.locale}
            win={props.win}
            tick={props.tick}
          />
        ))}
      </div>
    ),
    mount,
  );
}
