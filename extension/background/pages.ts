import type { Account } from '../../shared/api/accounts';
import type {
  Conflict,
  ConnectionView,
  OutboxEntry,
  PageRequest,
  RefusedChange,
  Reply,
} from '../../shared/messages';
import { tokenHint } from '../../shared/messages';
import type { AccountRecord, RecordKey } from '../records/record-store';
import {
  conflictsItem,
  outboxItem,
  pageBindings,
  refusalsItem,
  teamCache,
  teamConnection,
} from '../storage';
import type { Deps } from './context';
import { recordFromAccount } from './diff';
import { withLock } from './lock';
import { flushOutbox } from './outbox';
import { getRecord, localRecords, putRecord } from './records';
import { apiFor } from './session';
import { syncChanges } from './sync';
import { connect, disconnect, resolveConflict } from './team';

/** Everything the pages show about the extension's state (never the token). */
export interface PageState {
  connection: ConnectionView | null;
  outbox: OutboxEntry[];
  conflicts: Conflict[];
  refusals: RefusedChange[];
  lastSyncAt: string | null;
  lastError: string | null;
}

/** One row of the dashboard: the team's account, or a local record in local-only mode. */
export interface AccountRow {
  key: { provider: AccountRecord['provider']; externalId: string };
  record: AccountRecord;
  account: Account | null;
  pending: boolean;
}

const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
const notConnected: Reply<never> = {
  ok: false,
  error: { code: 'not_connected', message: 'Connect to a team in the options first.' },
};

/** Handles a request from an extension page (already parsed and from our own origin). */
export async function handlePage(req: PageRequest, deps: Deps): Promise<Reply<unknown>> {
  switch (req.type) {
    case 'state/get':
      return ok(await pageState());
    case 'team/connect': {
      const r = await connect(req, deps);
      return r.ok ? ok({ me: r.me, upload: r.upload }) : r;
    }
    case 'team/disconnect':
      await disconnect();
      return ok(true);
    case 'sync/now': {
      await flushOutbox(deps);
      const r = await syncChanges(deps);
      return r.ok ? ok(r) : { ok: false, error: { code: 'unreachable', message: r.error } };
    }
    case 'accounts/list':
      return ok(await accountRows());
    case 'record/get':
      return ok(await getRecord(req.key));
    case 'record/put': {
      const saved = await putRecord(req.key, req.record, deps);
      deps.onWrite?.();
      return ok(saved);
    }
    case 'tab/record': {
      const bindings = Object.values(await pageBindings.getValue()).filter(
        (b) => b.tabId === req.tabId,
      );
      const bound = bindings.find((b) => b.externalId !== null) ?? bindings[0];
      if (!bound) return ok(null);
      const key = { provider: bound.provider, externalId: bound.externalId } as RecordKey;
      return ok({ key, record: await getRecord(key) });
    }
    case 'conflict/resolve':
      return ok(await resolveConflict(req.id, req.keep, deps));
    case 'refusal/dismiss':
      await withLock(async () => {
        await refusalsItem.setValue((await refusalsItem.getValue()).filter((r) => r.id !== req.id));
      });
      return ok(true);
    case 'account/events':
    case 'members/list':
    case 'accounts/export':
    case 'accounts/import': {
      const conn = await teamConnection.getValue();
      if (!conn) return notConnected;
      const api = await apiFor(conn, deps);
      const r =
        req.type === 'account/events'
          ? await api.events(req.id)
          : req.type === 'members/list'
            ? await api.members()
            : req.type === 'accounts/export'
              ? await api.exportCsv({
                  ...(req.filter.provider ? { provider: req.filter.provider } : {}),
                  ...(req.filter.status ? { status: req.filter.status } : {}),
                  ...(req.filter.q ? { q: req.filter.q } : {}),
                  ...(req.filter.overdue !== undefined
                    ? { overdue: req.filter.overdue ? ('true' as const) : ('false' as const) }
                    : {}),
                })
              : await api.importCsv(req.csv, deps.id());
      if (!r.ok) {
        return {
          ok: false,
          error: {
            code: r.status === 0 ? 'unreachable' : (r.code as 'internal'),
            message: r.message,
          },
        };
      }
      // An import changes the team's accounts: fetch them now so the list shows them.
      if (req.type === 'accounts/import') await syncChanges(deps);
      return ok(r.data);
    }
  }
}

async function pageState(): Promise<PageState> {
  const [conn, outbox, conflicts, refusals, cache] = await Promise.all([
    teamConnection.getValue(),
    outboxItem.getValue(),
    conflictsItem.getValue(),
    refusalsItem.getValue(),
    teamCache.getValue(),
  ]);
  return {
    connection: conn && {
      apiUrl: conn.apiUrl,
      tokenHint: tokenHint(conn.token),
      me: conn.me,
      connectedAt: conn.connectedAt,
    },
    outbox,
    conflicts,
    refusals,
    lastSyncAt: cache.lastSyncAt,
    lastError: cache.lastError,
  };
}

/** The dashboard's rows: the team's accounts when connected, else the local records. */
async function accountRows(): Promise<AccountRow[]> {
  const conn = await teamConnection.getValue();
  const outbox = await outboxItem.getValue();
  const pendingOf = (provider: string, externalId: string) =>
    outbox.some((e) => e.key.provider === provider && e.key.externalId === externalId);
  if (!conn) {
    return (await localRecords())
      .filter((r): r is AccountRecord & { externalId: string } => r.externalId !== null)
      .map((record) => ({
        key: { provider: record.provider, externalId: record.externalId },
        record,
        account: null,
        pending: false,
      }));
  }
  // One read of every local record, not one per account: a team may have thousands.
  const local = new Map(
    (await localRecords()).map((r) => [`${r.provider}\n${r.externalId}`, r] as const),
  );
  const rows: AccountRow[] = [];
  for (const account of Object.values((await teamCache.getValue()).accounts)) {
    const key = { provider: account.provider, externalId: account.externalId };
    rows.push({
      key,
      record: local.get(`${key.provider}\n${key.externalId}`) ?? recordFromAccount(account, null),
      account,
      pending: pendingOf(key.provider, key.externalId),
    });
  }
  // Accounts made here and not yet delivered are shown too.
  for (const e of outbox) {
    if (
      e.kind === 'create' &&
      !rows.some((r) => r.key.provider === e.key.provider && r.key.externalId === e.key.externalId)
    ) {
      rows.push({ key: e.key, record: await getRecord(e.key), account: null, pending: true });
    }
  }
  return rows;
}
