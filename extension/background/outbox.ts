import type { Account } from '../../shared/api/accounts';
import type { AccountKey, OutboxEntry } from '../../shared/messages';
import {
  conflictsItem,
  outboxItem,
  recordItem,
  refusalsItem,
  teamCache,
  teamConnection,
} from '../storage';
import type { ApiResult } from './api';
import type { Deps } from './context';
import { recordFromAccount, sameTeamData } from './diff';
import { withLock } from './lock';
import { findAccount, sameKey, writeThroughLocked } from './records';
import { apiFor } from './session';

/** How many refused changes are kept for the user to read. */
const REFUSALS_CAP = 20;

export interface FlushResult {
  delivered: number;
  /** Left in the outbox (API unreachable, or waiting behind a conflict). */
  waiting: number;
  conflicts: number;
  refused: number;
}

/** A failure worth retrying later: the API was not reached, was busy or broke. */
const transient = (r: ApiResult<unknown>) =>
  !r.ok && (r.status === 0 || r.status >= 500 || r.status === 429 || r.code === 'conflict');

let running: Promise<FlushResult> | null = null;

/**
 * Delivers the outbox in order, each entry once: creates and transitions carry their
 * Idempotency-Key (a retry after a lost response replays the first answer), PATCHes their
 * If-Match (a retry after a lost response meets 412 and is recognised as already applied).
 * An account whose entry cannot go now holds back its later entries; other accounts go on.
 * Concurrent calls share one run.
 */
export function flushOutbox(deps: Deps): Promise<FlushResult> {
  running ??= flush(deps).finally(() => {
    running = null;
  });
  return running;
}

async function flush(deps: Deps): Promise<FlushResult> {
  const result: FlushResult = { delivered: 0, waiting: 0, conflicts: 0, refused: 0 };
  const conn = await teamConnection.getValue();
  if (!conn) return { ...result, waiting: (await outboxItem.getValue()).length };
  const api = await apiFor(conn, deps);
  const held: AccountKey[] = [];
  for (;;) {
    const entry = (await outboxItem.getValue()).find((e) => !held.some((k) => sameKey(e.key, k)));
    if (!entry) break;
    const outcome = await deliver(entry, api, deps);
    if (outcome === 'delivered') result.delivered += 1;
    else if (outcome === 'conflict') result.conflicts += 1;
    else if (outcome === 'refused') result.refused += 1;
    else if (outcome === 'unauthorized' || outcome === 'offline') break;
    else held.push(entry.key);
  }
  result.waiting = (await outboxItem.getValue()).length;
  return result;
}

type Outcome = 'delivered' | 'conflict' | 'refused' | 'retry' | 'offline' | 'unauthorized';

async function deliver(
  entry: OutboxEntry,
  api: Awaited<ReturnType<typeof apiFor>>,
  deps: Deps,
): Promise<Outcome> {
  const cache = await teamCache.getValue();
  let account = findAccount(cache, entry.key);

  if (entry.kind === 'create') {
    if (account) return settle(entry, account, deps);
    const created = await api.create(entry.body, entry.id);
    if (created.ok) return settle(entry, created.data, deps);
    if (created.status === 409 && created.code === 'conflict') {
      // Another member created it first (or our first try did): carry on from theirs.
      const found = await api.lookup(entry.key.provider, entry.key.externalId);
      if (found.ok) return settle(entry, found.data, deps);
      return failed(entry, found, deps);
    }
    return failed(entry, created, deps);
  }

  if (!account) {
    const found = await api.lookup(entry.key.provider, entry.key.externalId);
    if (!found.ok) return failed(entry, found, deps);
    account = found.data;
  }
  const version = entry.baseVersion ?? account.version;
  const sent =
    entry.kind === 'patch'
      ? await api.patch(account.id, version, entry.body)
      : await api.transition(account.id, version, entry.body, entry.id);
  if (sent.ok) return settle(entry, sent.data, deps);
  if (sent.status === 412) {
    const current = await api.get(account.id);
    if (!current.ok) return failed(entry, current, deps);
    // Our own earlier try may have landed and only its answer was lost.
    if (entry.kind === 'patch' && patchApplied(entry.body, current.data)) {
      return settle(entry, current.data, deps);
    }
    await conflict(entry.key, current.data, deps);
    return 'conflict';
  }
  return failed(entry, sent, deps);
}

const patchApplied = (
  body: Extract<OutboxEntry, { kind: 'patch' }>['body'],
  account: Account,
): boolean =>
  (body.entityType === undefined || body.entityType === account.entityType) &&
  (body.label === undefined || body.label === account.label) &&
  (body.notes === undefined || body.notes === account.notes) &&
  (body.ownerMemberId === undefined || body.ownerMemberId === account.ownerMemberId) &&
  Object.entries(body.checklist ?? {}).every(([step, at]) =>
    at === null ? !(step in account.checklist) : account.checklist[step] === at,
  );

/** The entry reached the team: drop it, move its followers onto the new version, cache it. */
function settle(entry: OutboxEntry, account: Account, _deps: Deps): Promise<Outcome> {
  return withLock(async () => {
    const from = entry.baseVersion;
    const rest = (await outboxItem.getValue())
      .filter((e) => e.id !== entry.id)
      .map((e) =>
        sameKey(e.key, entry.key) && (e.baseVersion === from || e.baseVersion === null)
          ? { ...e, baseVersion: account.version }
          : e,
      );
    await outboxItem.setValue(rest);
    await writeThroughLocked(await cacheAccountLocked(account));
    return 'delivered' as const;
  });
}

/**
 * Keeps the newer of the cached and the given version of an account (an answer can arrive
 * after /changes already brought a later version); returns the one kept.
 */
export async function cacheAccountLocked(account: Account): Promise<Account> {
  const cache = await teamCache.getValue();
  const cached = cache.accounts[account.id];
  if (cached && cached.version > account.version) return cached;
  await teamCache.setValue({ ...cache, accounts: { ...cache.accounts, [account.id]: account } });
  return account;
}

/**
 * 412: someone changed the account since our change was made. Both versions are kept for the
 * user; this account's queued entries stop (they were made on the old version); the overlay
 * shows the team's version until the user chooses.
 */
function conflict(key: AccountKey, theirs: Account, deps: Deps): Promise<void> {
  return withLock(async () => {
    const item = recordItem(key);
    const mine = await item.getValue();
    const outbox = await outboxItem.getValue();
    const entries = outbox.filter((e) => sameKey(e.key, key));
    await outboxItem.setValue(outbox.filter((e) => !sameKey(e.key, key)));
    await cacheAccountLocked(theirs);
    const theirsRecord = recordFromAccount(theirs, mine);
    if (mine && !sameTeamData(mine, theirsRecord)) {
      const others = (await conflictsItem.getValue()).filter((c) => !sameKey(c.key, key));
      await conflictsItem.setValue([
        ...others,
        {
          id: deps.id(),
          key,
          reason: 'stale',
          mine,
          theirs,
          entries,
          at: deps.now().toISOString(),
        },
      ]);
    }
    await item.setValue(theirsRecord);
  });
}

async function failed(entry: OutboxEntry, r: ApiResult<unknown>, deps: Deps): Promise<Outcome> {
  if (r.ok) return 'retry';
  if (r.status === 401) {
    await withLock(async () => {
      const cache = await teamCache.getValue();
      await teamCache.setValue({ ...cache, lastError: 'unauthorized' });
    });
    return 'unauthorized';
  }
  if (transient(r)) {
    await withLock(async () => {
      await outboxItem.setValue(
        (await outboxItem.getValue()).map((e) =>
          e.id === entry.id ? { ...e, attempts: e.attempts + 1, lastError: r.message } : e,
        ),
      );
    });
    return r.status === 0 ? 'offline' : 'retry';
  }
  // Refused for good (a viewer's write, a transition the rules forbid, a number in a note):
  // drop it, say why, and show the team's version again.
  await withLock(async () => {
    await outboxItem.setValue((await outboxItem.getValue()).filter((e) => e.id !== entry.id));
    const refusals = await refusalsItem.getValue();
    await refusalsItem.setValue(
      [
        ...refusals,
        {
          id: entry.id,
          key: entry.key,
          kind: entry.kind,
          code: r.code,
          message: r.message,
          at: deps.now().toISOString(),
        },
      ].slice(-REFUSALS_CAP),
    );
    const account = findAccount(await teamCache.getValue(), entry.key);
    if (account) await writeThroughLocked(account);
  });
  return 'refused';
}
