import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isOverdue } from '../../../shared/dates';
import { type LocalizedText, pick } from '../../../shared/text';
import type { RecordStore } from '../../records/record-store';
import type { LocaleSetting } from '../../storage';
import { type Store, useStore } from '../../ui/store';
import type { OverlayState } from '../manager';
import type { UiLoader } from '../ui-loader';
import { S } from './strings';
import { useRecord } from './use-record';
import { windowText } from './window-text';

export interface OverlayDeps {
  store: RecordStore;
  setLocale(value: LocaleSetting): Promise<void>;
  now(): Date;
  /** The on-demand UI chunk, which holds the panel. */
  ui: UiLoader;
}

/**
 * The launcher (a collapsed badge: provider, status, review window) and the slot for the panel
 * it opens, which the UI chunk renders (loaded on the first open). The launcher comes first in
 * the DOM, so Tab goes from it into the open panel; CSS shows the panel above it.
 */
export function Overlay({ state, deps }: { state: Store<OverlayState>; deps: OverlayDeps }) {
  const s = useStore(state);
  const [record] = useRecord(deps.store, s.key);
  const [open, setOpen] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  const L = (text: LocalizedText) => pick(text, s.locale);

  // The panel mounts into the slot while open (its title takes the focus); focus goes back to
  // the launcher when it closes.
  useLayoutEffect(() => {
    const el = slot.current;
    if (!open || !el) return;
    let live = true;
    const onClose = () => setOpen(false);
    const show = (ui: NonNullable<ReturnType<UiLoader['get']>>) => {
      if (live) ui.renderPanel(el, { state, deps, onClose });
    };
    const ready = deps.ui.get();
    if (ready) show(ready);
    else
      deps.ui.load().then(show, (error: unknown) => {
        console.warn('[veriguide] panel failed to load', error);
        if (live) setOpen(false);
      });
    return () => {
      live = false;
      deps.ui.get()?.renderPanel(el, null);
    };
  }, [open, state, deps]);
  useEffect(() => {
    if (!open && wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const status = record?.status ?? 'unverified';
  const w = record?.reviewWindow ?? null;
  const inReview = status === 'in_review' && w !== null;
  const overdue = inReview && w !== null && isOverdue(w, deps.now().toISOString());

  return (
    <div class="vg" lang={s.locale === 'zh' ? 'zh-CN' : 'en'}>
      <button
        type="button"
        class="launcher"
        data-testid="vg-launcher"
        ref={launcher}
        aria-expanded={open ? 'true' : 'false'}
        aria-haspopup="dialog"
        aria-controls={open ? 'vg-panel' : undefined}
        title={L(S.openPanel)}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) setOpen(false);
        }}
      >
        <span class="brand">{L(S.appName)}</span>
        <span>{L(s.playbook.name)}</span>
        <span class={`pill ${status}`}>{L(S.status[status])}</span>
        {inReview && w && (
          <span class={`pill ${overdue ? 'overdue' : ''}`}>
            {L(S.reviewShort)} {windowText(w)}
            {w.estimate ? ` ${L(S.estimateMark)}` : ''}
            {overdue ? ` · ${L(S.overdueShort)}` : ''}
          </span>
        )}
        {s.drift.length > 0 && (
          <span class="pill in_review" title={L(S.driftTitle)}>
            !<span class="sr-only">{L(S.driftTitle)}</span>
          </span>
        )}
      </button>
      {/* The panel comes from the UI chunk, rendered by its own Preact into this slot. */}
      <div class="slot" ref={slot} />
    </div>
  );
}
