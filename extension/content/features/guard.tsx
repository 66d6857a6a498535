import type { RecordKey, SavedDecision } from '../../records/record-store';
import type { Feature, FeatureContext } from '../feature';
import { type GuardRule, guardRules, matchGuard } from '../fields/guard-match';
import { createOverlayHost } from '../fields/overlay-host';
import { withUi } from '../ui-loader';

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

    // The overlay's own store (the team's records in team mode), so the guard sees the same
    // decision the panel shows.
    const store = ctx.records;
    const key = ctx.recordKey();
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
      ctx.ui.get()?.renderGuard(mount, null);
    };

    const onClick = (event: MouseEvent): void => {
      if (replaying) return;
      const rule = matchGuard(event.composedPath(), rules);
      if (!rule || confirmed.has(rule.step.id) || !guardApplies(rule, decision)) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // Already asking (or loading the dialog, which has no backdrop yet): hold, ask once.
      if (open) return;
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
      // The click is held above, in this task; the dialog may wait for the UI chunk.
      withUi(
        ctx.ui,
        signal,
        (ui) =>
          ui.renderGuard(mount, {
            rule,
            recommended,
            locale,
            onCancel() {
              close();
              returnFocus();
            },
            onContinue() {
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
            },
          }),
        () => {
          // Without the dialog nothing can ask: the user's next click on it goes through.
          open = false;
          confirmed.add(rule.step.id);
        },
      );
    };
    win.addEventListener('click', onClick, { capture: true, signal });
    signal.addEventListener('abort', () => ctx.ui.get()?.renderGuard(mount, null));
  },
};
