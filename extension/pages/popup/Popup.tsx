import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLAYBOOKS } from '../../../shared/playbooks/index';
import type { AccountRecord, RecordKey } from '../../records/record-store';
import { useLocale } from '../locale';
import { send, usePageState, useStorageChanges } from '../messaging';
import { QuickActions, RecordFacts } from '../record-view';
import { S } from '../strings';

/**
 * The popup: the account of the provider page in this tab (status, review window, checklist
 * progress) with the quick status actions, and the way to the dashboard and options.
 */
export function Popup({ tabId }: { tabId: number | null }) {
  const [locale, L] = useLocale();
  const [state] = usePageState();
  const [here, setHere] = useState<{ key: RecordKey; record: AccountRecord } | null>(null);
  const load = useCallback(() => {
    if (tabId === null) return;
    void send<{ key: RecordKey; record: AccountRecord } | null>({ type: 'tab/record', tabId }).then(
      (r) => r.ok && setHere(r.value),
    );
  }, [tabId]);
  useEffect(load, [load]);
  useStorageChanges(load);

  const conn = state?.connection ?? null;
  const canWrite = conn?.me.member.role !== 'viewer';
  const waiting = state ? state.outbox.length + state.conflicts.length + state.refusals.length : 0;
  return (
    <main lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <h1>{L(S.appName)}</h1>
      <p class="muted" data-testid="vg-popup-mode">
        {conn ? `${conn.me.team.name} · ${conn.me.member.role}` : L(S.localOnly)}
      </p>
      {here ? (
        <section data-testid="vg-popup-account">
          <h2>
            {L(PLAYBOOKS[here.key.provider].name)} {here.key.externalId ?? ''}
          </h2>
          <RecordFacts record={here.record} L={L} />
          {canWrite && here.key.externalId !== null && (
            <QuickActions recordKey={here.key} record={here.record} locale={locale} L={L} />
          )}
          {!canWrite && <p role="note">{L(S.readOnly)}</p>}
        </section>
      ) : (
        <p>{L(S.noAccountHere)}</p>
      )}
      {waiting > 0 && (
        <p data-testid="vg-popup-waiting">
          {L(S.outbox)}: {state?.outbox.length ?? 0} · {L(S.conflicts)}:{' '}
          {state?.conflicts.length ?? 0} · {L(S.refused)}: {state?.refusals.length ?? 0}
        </p>
      )}
      <p>
        <button
          type="button"
          onClick={() =>
            void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })
          }
        >
          {L(S.dashboard)}
        </button>{' '}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {L(S.options)}
        </button>
      </p>
    </main>
  );
}
