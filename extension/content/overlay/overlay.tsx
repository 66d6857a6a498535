import { useEffect, useRef, useState } from 'preact/hooks';
import { isOverdue } from '../../../shared/dates';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import type { RecordStore } from '../../records/record-store';
import type { LocaleSetting } from '../../storage';
import { type Store, useStore } from '../../ui/store';
import type { OverlayState } from '../manager';
import { ChecklistSection, currentFlow } from './checklist';
import { DecisionSection } from './decision';
import { StatusSection, windowText } from './status';
import { S } from './strings';
import { useRecord } from './use-record';

export interface OverlayDeps {
  store: RecordStore;
  setLocale(value: LocaleSetting): Promise<void>;
  now(): Date;
}

/**
 * The launcher (a collapsed badge: provider, status, review window) and the panel it opens
 * (a labelled, non-modal dialog with the drift notice, status, decision helper and checklist).
 * The launcher comes first in the DOM, so Tab goes from it into the open panel; CSS shows the
 * panel above it.
 */
export function Overlay({ state, deps }: { state: Store<OverlayState>; deps: OverlayDeps }) {
  const s = useStore(state);
  const [record, update] = useRecord(deps.store, s.key);
  const [open, setOpen] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  const L = (text: LocalizedText) => pick(text, s.locale);

  // Focus goes into the panel when it opens and back to the launcher when it closes.
  useEffect(() => {
    if (open) title.current?.focus();
    else if (wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const status = record?.status ?? 'unverified';
  const w = record?.reviewWindow ?? null;
  const inReview = status === 'in_review' && w !== null;
  const overdue = inReview && w !== null && isOverdue(w, deps.now().toISOString());
  const flow = record ? currentFlow(s.playbook, s.page, record) : null;

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
      {open && (
        <div
          class="panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby="vg-panel-title"
          data-testid="vg-panel"
          id="vg-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <header>
            <h2 id="vg-panel-title" tabIndex={-1} ref={title}>
              {L(S.panelTitle)} · {L(s.playbook.name)}
            </h2>
            <LanguageSwitch locale={s.locale} setLocale={deps.setLocale} />
            <button
              type="button"
              class="close"
              aria-label={L(S.close)}
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </header>
          <p class="muted" style="padding: 6px 12px 0; margin: 0">
            {s.key.externalId ? `${L(S.account)}: ${s.key.externalId}` : L(S.accountUnknown)}
          </p>
          {s.drift.length > 0 && (
            <section class="drift" data-testid="vg-drift" role="status">
              <h3>{L(S.driftTitle)}</h3>
              <p>{L(S.driftBody)}</p>
            </section>
          )}
          {record && (
            <StatusSection
              playbook={s.playbook}
              record={record}
              update={update}
              flow={flow}
              pageStatus={s.pageStatus}
              locale={s.locale}
              now={deps.now}
            />
          )}
          {record && (
            <DecisionSection
              playbook={s.playbook}
              record={record}
              update={update}
              locale={s.locale}
              now={deps.now}
            />
          )}
          {record && (
            <ChecklistSection
              playbook={s.playbook}
              page={s.page}
              record={record}
              update={update}
              texts={s.texts}
              locale={s.locale}
              now={deps.now}
            />
          )}
        </div>
      )}
    </div>
  );
}

function LanguageSwitch({
  locale,
  setLocale,
}: {
  locale: Locale;
  setLocale: (v: LocaleSetting) => Promise<void>;
}) {
  return (
    <fieldset class="lang">
      <legend class="sr-only">{pick(S.language, locale)}</legend>
      <button
        type="button"
        lang="en"
        aria-pressed={locale === 'en' ? 'true' : 'false'}
        data-testid="vg-lang-en"
        onClick={() => void setLocale('en')}
      >
        EN
      </button>
      <button
        type="button"
        lang="zh-CN"
        aria-pressed={locale === 'zh' ? 'true' : 'false'}
        data-testid="vg-lang-zh"
        onClick={() => void setLocale('zh')}
      >
        中文
      </button>
    </fieldset>
  );
}
