import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { type Locale, type LocalizedText, pick } from '../../../shared/text';
import type { LocaleSetting } from '../../storage';
import { type Store, useStore } from '../../ui/store';
import type { OverlayState } from '../manager';
import { ChecklistSection, currentFlow } from './checklist';
import { DecisionSection } from './decision';
import type { OverlayDeps } from './mount';
import { StatusSection } from './status';
import { S } from './strings';
import { useAccess } from './use-access';
import { useRecord } from './use-record';

export interface PanelProps {
  state: Store<OverlayState>;
  deps: OverlayDeps;
  onClose(): void;
}

/**
 * The panel the launcher opens (a labelled, non-modal dialog with the drift notice, status,
 * decision helper and checklist). It lives in the on-demand UI chunk and renders into the
 * launcher's slot with the chunk's own Preact; focus goes to its title when it opens.
 */
function Panel({ state, deps, onClose }: PanelProps) {
  const s = useStore(state);
  const [record, update] = useRecord(deps.store, s.key);
  // The background answers with the record and what the member may do together; until it has
  // said both, the sections wait (a viewer is never offered an action, even for a moment).
  const access = useAccess(deps.store, s.key);
  const shown = access !== null && record !== null;
  const canWrite = shown && access.canWrite;
  const title = useRef<HTMLHeadingElement>(null);
  const L = (text: LocalizedText) => pick(text, s.locale);
  useEffect(() => title.current?.focus(), []);
  const flow = record ? currentFlow(s.playbook, s.page, record) : null;

  return (
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
          onClose();
        }
      }}
    >
      <header>
        <h2 id="vg-panel-title" tabIndex={-1} ref={title}>
          {L(S.panelTitle)} · {L(s.playbook.name)}
        </h2>
        <LanguageSwitch locale={s.locale} setLocale={deps.setLocale} />
        <button type="button" class="close" aria-label={L(S.close)} onClick={() => onClose()}>
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
      {shown && (
        <StatusSection
          playbook={s.playbook}
          record={record}
          update={update}
          canWrite={canWrite}
          refused={access.refused}
          flow={flow}
          pageStatus={s.pageStatus}
          locale={s.locale}
          now={deps.now}
        />
      )}
      {shown && (
        <DecisionSection
          playbook={s.playbook}
          record={record}
          update={update}
          canWrite={canWrite}
          locale={s.locale}
          now={deps.now}
        />
      )}
      {shown && (
        <ChecklistSection
          playbook={s.playbook}
          page={s.page}
          record={record}
          update={update}
          canWrite={canWrite}
          texts={s.texts}
          locale={s.locale}
          now={deps.now}
        />
      )}
    </div>
  );
}

/** Shows the panel in `mount` (the launcher's slot), or removes it for null. */
export function renderPanel(mount: HTMLElement, props: PanelProps | null): void {
  render(props && <Panel {...props} />, mount);
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
