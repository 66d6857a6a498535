import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import type { FoundField } from '../fields/find-field';
import { pinBeside } from './pin-beside';

const TEXT = {
  dismiss: { en: 'Dismiss this tip', zh: '关闭此提示' },
  tip: { en: 'Veriguide tip', zh: 'Veriguide 提示' },
} satisfies Record<string, LocalizedText>;

export interface TipProps {
  field: FoundField;
  locale: Locale;
  win: Window;
  /** Changes when the page scrolls or resizes, so the tip follows its field. */
  tick: number;
  onDismiss(): void;
  onHover(inside: boolean): void;
}

function Tip({ field, locale, win, tick, onDismiss, onHover }: TipProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Placement is measured after render and again whenever `tick` says the page scrolled.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    pinBeside(el, field.element, win, ['right', 'above', 'below', 'left']);
  }, [field, tick]);
  const label = field.anchor.labels[locale][0] ?? field.anchor.labels.en[0] ?? '';
  return (
    <div
      ref={ref}
      class="tip"
      role="tooltip"
      id={`vg-hint-${field.anchor.id}`}
      data-testid="vg-hint"
      data-field={field.anchor.id}
      lang={locale === 'zh' ? 'zh-CN' : 'en'}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      // Keep focus in the page's field: clicking the tip must not blur what the user is typing in.
      onMouseDown={(e) => e.preventDefault()}
    >
      <span class="sr">{pick(TEXT.tip, locale)}: </span>
      <strong>{label}</strong>
      <span>{pick(field.anchor.tip, locale)}</span>
      <button
        type="button"
        class="close"
        aria-label={pick(TEXT.dismiss, locale)}
        data-testid="vg-hint-dismiss"
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}

/** Shows the tip for one field in `mount` (the feature's live region), or nothing for null. */
export function renderTip(mount: HTMLElement, props: TipProps | null): void {
  render(props && <Tip {...props} />, mount);
}
