import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import type { GuardRule } from '../fields/guard-match';

const TEXT = {
  title: { en: 'Before you go on: this step cannot be undone', zh: '继续之前：此步骤无法撤回' },
  recommended: {
    en: 'For this account, the decision helper recommended:',
    zh: '决策助手为此账号推荐的是：',
  },
  source: { en: 'Source', zh: '来源' },
  cancel: { en: 'Cancel', zh: '取消' },
  continue: { en: 'Continue', zh: '继续' },
} satisfies Record<string, LocalizedText>;

export interface GuardDialogProps {
  rule: GuardRule;
  recommended: LocalizedText | null;
  locale: Locale;
  onCancel(): void;
  onContinue(): void;
}

function GuardDialog({ rule, recommended, locale, onCancel, onContinue }: GuardDialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // The least harmful choice gets the focus, as an alertdialog should.
  useEffect(() => cancel.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // Keep Tab inside the dialog while it is open.
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('a[href], button')];
    const first = focusable[0];
    const last = focusable.at(-1);
    const active =
      dialog.current.getRootNode() instanceof ShadowRoot
        ? (dialog.current.getRootNode() as ShadowRoot).activeElement
        : null;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };
  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="vg-guard-title"
        aria-describedby="vg-guard-message"
        data-testid="vg-guard"
        data-step-id={rule.step.id}
        lang={locale === 'zh' ? 'zh-CN' : 'en'}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id="vg-guard-title">{pick(TEXT.title, locale)}</h2>
        <p id="vg-guard-message">{pick(rule.message, locale)}</p>
        {recommended && (
          <p>
            {pick(TEXT.recommended, locale)} <strong>{pick(recommended, locale)}</strong>
          </p>
        )}
        {rule.source && (
          <p>
            {pick(TEXT.source, locale)}:{' '}
            <a href={rule.source.url} target="_blank" rel="noopener noreferrer">
              {pick(rule.source.title, locale)}
            </a>
          </p>
        )}
        <div class="actions">
          <button ref={cancel} type="button" data-testid="vg-guard-cancel" onClick={onCancel}>
            {pick(TEXT.cancel, locale)}
          </button>
          <button
            type="button"
            class="primary"
            data-testid="vg-guard-continue"
            onClick={onContinue}
          >
            {pick(TEXT.continue, locale)}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Shows the guard's confirmation in `mount`, or nothing for null. */
export function renderGuard(mount: HTMLElement, props: GuardDialogProps | null): void {
  render(props && <GuardDialog {...props} />, mount);
}
