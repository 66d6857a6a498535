import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountEvent, ImportResult, Member } from '../../../shared/api/index';
import { PLAYBOOKS } from '../../../shared/playbooks/index';
import { STATUSES } from '../../../shared/rules/status-machine';
import type { Locale, LocalizedText } from '../../../shared/text';
import type { AccountRow } from '../../background/pages';
import { type DriftDiagnostic, driftDiagnostics } from '../../storage';
import { useLocale } from '../locale';
import { send, usePageState, useStorageChanges } from '../messaging';
import { flowOf, progress, QuickActions, RecordFacts, statusLabel } from '../record-view';
import { fill, S } from '../strings';
import { SyncSummary } from '../sync-summary';
import { applyFilter, type Filter, NO_FILTER } from './filter';

/**
 * The team's accounts across providers (or this browser's records in local-only mode): filter,
 * sort, search, a detail view with checklist and history, CSV import and export through the
 * API, and the overlay's page-changed diagnostics. A viewer sees no write actions.
 */
export function Dashboard() {
  const [locale, L] = useLocale();
  const [state] = usePageState();
  const [rows, setRows] = useState<AccountRow[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [open, setOpen] = useState<string | null>(null);
  const [diagnostics, setDiagnostics] = useState<DriftDiagnostic[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    void send<AccountRow[]>({ type: 'accounts/list' }).then((r) => r.ok && setRows(r.value));
    void driftDiagnostics.getValue().then(setDiagnostics);
  }, []);
  useEffect(load, [load]);
  useStorageChanges(load);
  const connected = state?.connection ?? null;
  useEffect(() => {
    if (connected) {
      void send<{ items: Member[] }>({ type: 'members/list' }).then(
        (r) => r.ok && setMembers(r.value.items),
      );
    }
  }, [connected?.me.team.id]);

  const canWrite = connected?.me.member.role !== 'viewer';
  const shown = applyFilter(rows, filter);
  const set = (patch: Partial<Filter>) => setFilter({ ...filter, ...patch });
  const ownerName = (id: string | null) =>
    id === null ? '—' : (members.find((m) => m.id === id)?.name ?? id);
  const detail = rows.find((r) => `${r.key.provider}:${r.key.externalId}` === open) ?? null;

  const exportCsv = async () => {
    const r = await send<string>({
      type: 'accounts/export',
      filter: {
        ...(filter.provider ? { provider: filter.provider as never } : {}),
        ...(filter.status ? { status: filter.status as never } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.overdue ? { overdue: true } : {}),
      },
    });
    if (!r.ok) return setNotice(r.error.message);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([r.value], { type: 'text/csv' }));
    a.download = 'veriguide-accounts.csv';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importCsv = async (file: File | undefined) => {
    if (!file) return;
    const r = await send<ImportResult>({ type: 'accounts/import', csv: await file.text() });
    if (!r.ok) return setNotice(`${r.error.code}: ${r.error.message}`);
    const errors = r.value.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ');
    setNotice(
      `${fill(L(S.importDone), { created: r.value.created, errors: r.value.errors.length })}${errors ? ` ${errors}` : ''}`,
    );
    load();
  };

  return (
    <main lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <h1>
        {L(S.appName)} — {L(S.dashboard)}
      </h1>
      <p data-testid="vg-dashboard-mode">
        {connected
          ? `${connected.me.team.name} · ${connected.me.member.name} (${connected.me.member.role})`
          : L(S.localOnly)}
      </p>
      {connected && !canWrite && <p role="note">{L(S.readOnly)}</p>}
      {state && <SyncSummary state={state} L={L} />}

      <search class="filters">
        <label>
          {L(S.search)}
          <input
            type="search"
            value={filter.q}
            onInput={(e) => set({ q: e.currentTarget.value })}
          />
        </label>
        <label>
          {L(S.provider)}
          <select
            value={filter.provider}
            onChange={(e) => set({ provider: e.currentTarget.value })}
          >
            <option value="">{L(S.all)}</option>
            {Object.values(PLAYBOOKS).map((p) => (
              <option key={p.id} value={p.id}>
                {L(p.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {L(S.status)}
          <select value={filter.status} onChange={(e) => set({ status: e.currentTarget.value })}>
            <option value="">{L(S.all)}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, L)}
              </option>
            ))}
          </select>
        </label>
        {connected && (
          <label>
            {L(S.owner)}
            <select value={filter.owner} onChange={(e) => set({ owner: e.currentTarget.value })}>
              <option value="">{L(S.anyone)}</option>
              <option value="-">{L(S.unassigned)}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={filter.overdue}
            onChange={(e) => set({ overdue: e.currentTarget.checked })}
          />{' '}
          {L(S.onlyOverdue)}
        </label>
        <label>
          {L(S.sortBy)}
          <select
            value={filter.sort}
            onChange={(e) => set({ sort: e.currentTarget.value as Filter['sort'] })}
          >
            <option value="updated">{L(S.updated)}</option>
            <option value="provider">{L(S.provider)}</option>
            <option value="status">{L(S.status)}</option>
            <option value="window">{L(S.reviewWindow)}</option>
          </select>
        </label>
        {connected ? (
          <>
            <button type="button" data-testid="vg-export" onClick={() => void exportCsv()}>
              {L(S.exportCsv)}
            </button>
            {canWrite && (
              <label data-testid="vg-import">
                {L(S.importCsv)}
                <input
                  type="file"
                  accept=".csv,text/csv"
                  onChange={(e) => void importCsv(e.currentTarget.files?.[0])}
                />
              </label>
            )}
          </>
        ) : (
          <span class="muted">{L(S.teamOnly)}</span>
        )}
      </search>
      {notice && <p role="status">{notice}</p>}

      <table data-testid="vg-accounts">
        <thead>
          <tr>
            <th>{L(S.provider)}</th>
            <th>{L(S.account)}</th>
            <th>{L(S.status)}</th>
            <th>{L(S.reviewWindow)}</th>
            {connected && <th>{L(S.owner)}</th>}
            <th>{L(S.checklist)}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={7}>{L(S.noAccounts)}</td>
            </tr>
          )}
          {shown.map((row) => {
            const id = `${row.key.provider}:${row.key.externalId}`;
            const w = row.record.reviewWindow;
            const overdue = row.account?.overdue ?? false;
            const p = progress(row.record);
            return (
              <tr key={id} data-testid="vg-account-row" data-account={row.key.externalId}>
                <td>{L(PLAYBOOKS[row.key.provider].name)}</td>
                <td>
                  {row.key.externalId}
                  {row.account?.label ? ` · ${row.account.label}` : ''}
                  {row.pending && <span class="muted"> ({L(S.pending)})</span>}
                </td>
                <td>
                  <span class={`pill ${row.record.status}`} data-testid="vg-row-status">
                    {statusLabel(row.record.status, L)}
                  </span>
                  {overdue && <span class="pill overdue"> {L(S.overdue)}</span>}
                </td>
                <td>
                  {w && row.record.status === 'in_review' ? `${w.earliest} – ${w.latest}` : ''}
                </td>
                {connected && <td>{ownerName(row.account?.ownerMemberId ?? null)}</td>}
                <td>{fill(L(S.progress), p)}</td>
                <td>
                  <button type="button" onClick={() => setOpen(id)}>
                    {L(S.openDetail)}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {detail && (
        <Detail
          row={detail}
          L={L}
          locale={locale}
          canWrite={canWrite}
          connected={connected !== null}
          onClose={() => setOpen(null)}
        />
      )}

      <section aria-labelledby="diag-h" data-testid="vg-diagnostics">
        <h2 id="diag-h">{L(S.diagnostics)}</h2>
        {diagnostics.length === 0 ? (
          <p class="muted">{L(S.noDiagnostics)}</p>
        ) : (
          <table>
            <tbody>
              {[...diagnostics].reverse().map((d) => (
                <tr key={`${d.at}-${d.anchor}`}>
                  <td>{d.at}</td>
                  <td>{d.provider}</td>
                  <td>{d.pageId}</td>
                  <td>
                    <code>{d.anchor}</code>
                  </td>
                  <td>
                    <code>{d.path}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

/** One account: facts, quick actions (not for a viewer), checklist and history. */
function Detail(props: {
  row: AccountRow;
  L: (text: LocalizedText) => string;
  locale: Locale;
  canWrite: boolean;
  connected: boolean;
  onClose: () => void;
}) {
  const { row, L, locale } = props;
  const [events, setEvents] = useState<AccountEvent[] | null>(null);
  const accountId = row.account?.id;
  useEffect(() => {
    if (!accountId) return;
    void send<{ items: AccountEvent[] }>({ type: 'account/events', id: accountId }).then(
      (r) => r.ok && setEvents(r.value.items),
    );
  }, [accountId, row.record.updatedAt]);
  const flow = flowOf(row.record);
  return (
    <section class="detail" aria-labelledby="detail-h" data-testid="vg-account-detail">
      <h2 id="detail-h">
        {L(PLAYBOOKS[row.key.provider].name)} {row.key.externalId}
      </h2>
      <button type="button" onClick={props.onClose}>
        {L(S.close)}
      </button>
      <RecordFacts record={row.record} L={L} />
      {props.canWrite && (
        <QuickActions recordKey={row.key} record={row.record} locale={locale} L={L} />
      )}
      <h3>{L(S.checklist)}</h3>
      <ol>
        {flow?.steps.map((s) => (
          <li key={s.id} data-step-id={s.id} data-done={s.id in row.record.checklist}>
            <span aria-hidden="true">{s.id in row.record.checklist ? '☑' : '☐'}</span> {L(s.title)}
            {s.id in row.record.checklist && <span class="sr-only"> ({L(S.done)})</span>}
          </li>
        ))}
      </ol>
      {props.connected && (
        <>
          <h3>{L(S.history)}</h3>
          <ol data-testid="vg-history">
            {(events ?? []).map((e) => (
              <li key={e.id}>
                {e.at} · {e.actor.name ?? e.actor.id} · {e.type}{' '}
                <code>{JSON.stringify(e.after)}</code>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
