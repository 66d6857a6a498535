import { isOverdue } from '../../../shared/dates';
import { type LocalizedText, pick } from '../../../shared/text';
import type { AccountRecord, RecordKey, RecordStore } from '../../records/record-store';
import type { AccessSource } from '../../records/remote-record-store';
import type { LocaleSetting } from '../../storage';
import type { Store } from '../../ui/create-store';
import { createShadowHost } from '../../ui/shadow-host';
import type { OverlayHandle, OverlayState } from '../manager';
import type { UiLoader } from '../ui-loader';
import { LAUNCHER_STRINGS as S } from './launcher-strings';
import { OVERLAY_CSS } from './styles';
import { windowText } from './window-text';

export interface OverlayDeps {
  /** The page's records; the background's store also says whether the member may write. */
  store: RecordStore & Partial<AccessSource>;
  setLocale(value: LocaleSetting): Promise<void>;
  now(): Date;
  /** The on-demand UI chunk, which holds the panel. */
  ui: UiLoader;
}

let painted = false;

/** A `<span>` with a class and text, the launcher's only building block. */
function span(doc: Document, cls: string, text: string): HTMLSpanElement {
  const el = doc.createElement('span');
  if (cls) el.className = cls;
  el.textContent = text;
  return el;
}

/**
 * Mounts the launcher (a collapsed badge: provider, status, review window, overdue, page
 * changed) in its own `veriguide-overlay` host, and the slot where the UI chunk renders the
 * panel it opens (loaded on the first open). The launcher is plain DOM so a provider page pays
 * for no UI library until the user asks for more (issue 6: size budget). The launcher comes
 * first in the DOM, so Tab goes from it into the open panel; CSS shows the panel above it. The
 * first render marks `veriguide:painted` (the budget is 50 ms after `veriguide:start`).
 */
export function mountOverlay(
  doc: Document,
  state: Store<OverlayState>,
  deps: OverlayDeps,
): OverlayHandle {
  const shadow = createShadowHost(doc, 'veriguide-overlay', OVERLAY_CSS);
  const root = doc.createElement('div');
  root.className = 'vg';
  const launcher = doc.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.dataset.testid = 'vg-launcher';
  launcher.setAttribute('aria-haspopup', 'dialog');
  // The panel comes from the UI chunk, rendered by its own Preact into this slot.
  const slot = doc.createElement('div');
  slot.className = 'slot';
  root.append(launcher, slot);
  shadow.mount.append(root);

  let record: AccountRecord | null = null;
  let open = false;
  /** Bumped on every open and close, so a panel that loads late knows it is still wanted. */
  let generation = 0;

  const paint = (): void => {
    const s = state.get();
    const L = (text: LocalizedText) => pick(text, s.locale);
    root.lang = s.locale === 'zh' ? 'zh-CN' : 'en';
    launcher.title = L(S.openPanel);
    launcher.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (open) launcher.setAttribute('aria-controls', 'vg-panel');
    else launcher.removeAttribute('aria-controls');
    const status = record?.status ?? 'unverified';
    const w = record?.reviewWindow ?? null;
    const parts = [
      span(doc, 'brand', L(S.appName)),
      span(doc, '', L(s.playbook.name)),
      span(doc, `pill ${status}`, L(S.status[status])),
    ];
    if (status === 'in_review' && w) {
      const overdue = isOverdue(w, deps.now().toISOString());
      parts.push(
        span(
          doc,
          `pill ${overdue ? 'overdue' : ''}`,
          `${L(S.reviewShort)} ${windowText(w)}${w.estimate ? ` ${L(S.estimateMark)}` : ''}${
            overdue ? ` · ${L(S.overdueShort)}` : ''
          }`,
        ),
      );
    }
    if (s.drift.length > 0) {
      const mark = span(doc, 'pill in_review', '!');
      mark.title = L(S.driftTitle);
      mark.append(span(doc, 'sr-only', L(S.driftTitle)));
      parts.push(mark);
    }
    launcher.replaceChildren(...parts);
  };

  const setOpen = (next: boolean): void => {
    if (next === open) return;
    open = next;
    const mine = ++generation;
    paint();
    if (!open) {
      deps.ui.get()?.renderPanel(slot, null);
      launcher.focus();
      return;
    }
    const show = (ui: NonNullable<ReturnType<UiLoader['get']>>): void => {
      if (mine === generation) ui.renderPanel(slot, { state, deps, onClose: () => setOpen(false) });
    };
    const ready = deps.ui.get();
    if (ready) show(ready);
    else
      deps.ui.load().then(show, (error: unknown) => {
        console.warn('[veriguide] panel failed to load', error);
        if (mine === generation) setOpen(false);
      });
  };
  launcher.addEventListener('click', () => setOpen(!open));
  launcher.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && open) setOpen(false);
  });

  // The record of the page's key, kept current across tabs (as the panel's own view of it).
  let unwatch = (): void => undefined;
  let watched: RecordKey | null = null;
  const follow = (key: RecordKey): void => {
    if (watched && watched.provider === key.provider && watched.externalId === key.externalId) {
      return;
    }
    unwatch();
    watched = { ...key };
    let live = true;
    record = null;
    const set = (r: AccountRecord): void => {
      if (!live) return;
      record = r;
      paint();
    };
    deps.store.get(watched).then(set, () => undefined);
    const stop = deps.store.watch(watched, set);
    unwatch = () => {
      live = false;
      stop();
    };
  };
  const unsubscribe = state.subscribe((s) => {
    follow(s.key);
    paint();
  });
  follow(state.get().key);
  paint();
  if (!painted) {
    painted = true;
    performance.mark('veriguide:painted');
  }
  return {
    destroy() {
      unsubscribe();
      unwatch();
      deps.ui.get()?.renderPanel(slot, null);
      shadow.remove();
    },
  };
}
