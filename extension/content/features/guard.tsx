import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import { createRecordStore } from '../../records/local-record-store';
import type { RecordKey, SavedDecision } from '../../records/record-store';
import type { Feature, FeatureContext } from '../feature';
import { type GuardRule, guardRules, matchGuard } from '../fields/guard-match';
import { createOverlayHost } from '../fields/overlay-host';

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

const CSS = `
.backdrop { position: fixed; inset: 0; background: rgba(15, 20, 30, .45); display: flex;
  align-items: center; justify-content: center; pointer-events: auto; }
.dialog { box-sizing: border-box; width: min(460px, calc(100vw - 32px)); padding: 18px 20px;
  background: #fff; border-radius: 8px; box-shadow: 0 8px 30px rgba(0,0,0,.3); border-top: 4px solid #d46b08; }
.dialog:focus { outline: none; }
h2 { margin: 0 0 8px; font-size: 16px; }
p { margin: 0 0 10px; }
a { color: #0b57d0; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 14px; }
button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #aab2bd; background: #fff; cursor: pointer; }
button.primary { background: #d46b08; border-color: #d46b08; color: #fff; }
button:focus-visible, a:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
`;

/**
 * Does this guard apply? Choosing a verification type (an individual/enterprise flow) is
 * confirmed unless the saved decision recommends that very type; upgrades and changes always
 * are, because the provider cannot undo them.
 */
export function guardApplies(rule: GuardRule, decision: SavedDecision | null): boolean {
  const typeChoice = rule.flow.kind === 'individual' || rule.flow.kind === 'enterprise';
  return !(typeChoice && decision?.recommended === rule.flow.entityType);
}

interface DialogProps {
  rule: GuardRule;
  recommended: LocalizedText | null;
  locale: Locale;
  onCancel(): void;
  onContinue(): void;
}

function GuardDialog({ rule, recommended, locale, onCancel, onContinue }: DialogProps) {
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

/** The record this page belongs to: the account shown on the page, else the provider's. */
const recordKey = (ctx: FeatureContext): RecordKey => ({
  provider: ctx.playbook.id,
  externalId: ctx.accountId(),
});

/**
 * Guard before irreversible steps: a click on one of the page flows' guard triggers is held in
 * the capture phase and a confirmation states the rule and links its source. Continue replays
 * the user's click on the same element (the user can always go on); Cancel leaves the page as
 * it was. Nothing is ever clicked, filled or submitted without the user.
 */
export const guard: Feature = {
  id: 'guard',
  runsOn: (page, playbook) => guardRules(playbook, page).length > 0,
  init(ctx: FeatureContext) {
    const { signal, window: win, document: doc, locale, playbook } = ctx;
    const rules = guardRules(playbook, ctx.page);
    const { mount } = createOverlayHost(doc, 'veriguide-guard', CSS, signal);
    let decision: SavedDecision | null = null;
    /** Steps the user already confirmed on this page: asking twice would only be noise. */
    const confirmed = new Set<string>();
    let open = false;
    let replaying = false;

    const store = createRecordStore();
    const key = recordKey(ctx);
    const providerKey: RecordKey = { provider: playbook.id, externalId: null };
    const load = async (): Promise<void> => {
      const own = await store.get(key);
      decision = own.decision ?? (key.externalId ? (await store.get(providerKey)).decision : null);
    };
    load().catch(() => {
      // Unreadable storage leaves no decision: every guard then applies, the safe side.
    });
    const unwatch = store.watch(key, (record) => {
      if (record.decision) decision = record.decision;
    });
    signal.addEventListener('abort', unwatch);

    const close = (): void => {
      open = false;
      render(null, mount);
    };

    const onClick = (event: MouseEvent): void => {
      if (replaying || open) return;
      const rule = matchGuard(event.composedPath(), rules);
      if (!rule || confirmed.has(rule.step.id) || !guardApplies(rule, decision)) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const init: MouseEventInit = {
        bubbles: true,
        cancelable: true,
        composed: true,
        clientX: event.clientX,
        clientY: event.clientY,
        screenX: event.screenX,
        screenY: event.screenY,
        button: event.button,
        detail: event.detail,
        ctrlKey: event.ctrlKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
      };
      const returnFocus = (): void => {
        const focusable = target.closest<HTMLElement>('button, a[href], input, [tabindex]');
        focusable?.focus();
      };
      const recommended =
        decision && decision.recommended !== rule.flow.entityType
          ? playbook.types[decision.recommended].name
          : null;
      open = true;
      render(
        <GuardDialog
          rule={rule}
          recommended={recommended}
          locale={locale}
          onCancel={() => {
            close();
            returnFocus();
          }}
          onContinue={() => {
            close();
            confirmed.add(rule.step.id);
            returnFocus();
            // The user's own click, replayed on the element they clicked.
            replaying = true;
            try {
              target.dispatchEvent(new MouseEvent('click', init));
            } finally {
              replaying = false;
            }
          }}
        />,
        mount,
      );
    };
    win.addEventListener('click', onClick, { capture: true, signal });
    signal.addEventListener('abort', () => render(null, mount));
  },
};
