import { browser } from 'wxt/browser';
import type { Account } from '../../shared/api/accounts';
import type { AccountKey } from '../../shared/messages';
import type { AccountRecord, RecordKey } from '../records/record-store';
import {
  conflictsItem,
  outboxItem,
  recordItem,
  type TeamCache,
  teamCache,
  teamConnection,
} from '../storage';
import type { Deps } from './context';
import { blankRecord, changesBetween, recordFromAccount } from './diff';
import { withLock } from './lock';

export const sameKey = (a: { provider: string; externalId: string | null }, b: AccountKey) =>
  a.provider === b.provider && a.externalId === b.externalId;

/** The cached team account for a provider account id, if the team has one. */
export const findAccount = (cache: TeamCache, key: AccountKey): Account | undefined =>
  Object.values(cache.accounts).find((a) => sameKey(a, key));

/**
 * The record the overlay shows for `key`. The per-key record in storage is the view: the
 * team's data written through by sync, plus this browser's pending changes on top.
 */
export async function getRecord(key: RecordKey): Promise<AccountRecord> {
  const stored = await recordItem(key).getValue();
  if (stored) return stored;
  if (key.externalId !== null && (await teamConnection.getValue())) {
    const account = findAccount(await teamCache.getValue(), {
      provider: key.provider,
      externalId: key.externalId,
    });
    if (account) return recordFromAccount(account, null);
  }
  return blankRecord(key, new Date(0).toISOString());
}

/**
 * Saves what the user did to a record, and, when connected to a team and the account is
 * known, queues the API calls that carry it to the team (delivered by the outbox).
 */
export async function putRecord(
  key: RecordKey,
  next: AccountRecord,
  deps: Deps,
): Promise<AccountRecord> {
  return withLock(async () => {
    const before = await getRecord(key);
    const saved: AccountRecord = {
      ...next,
      provider: key.provider,
      externalId: key.externalId,
      updatedAt: deps.now().toISOString(),
    };
    await recordItem(key).setValue(saved);
    if (key.externalId !== null && (await teamConnection.getValue())) {
      await enqueueLocked(
        { provider: key.provider, externalId: key.externalId },
        before,
        saved,
        deps,
      );
    }
    return saved;
  });
}

/**
 * Queues the calls from `before` to `after` for one account (inside the lock). A queued entry
 * is based on the version the previous entry of the same account leaves, or on the cached
 * version; an account the team does not have yet is created first.
 */
export async function enqueueLocked(
  key: AccountKey,
  before: AccountRecord,
  after: AccountRecord,
  deps: Deps,
  base?: number,
): Promise<number> {
  const changes = changesBetween(before, after);
  if (changes.length === 0) return 0;
  const outbox = await outboxItem.getValue();
  const cache = await teamCache.getValue();
  const pending = outbox.filter((e) => sameKey(e.key, key));
  const account = findAccount(cache, key);
  let baseVersion: number | null =
    base ??
    (pending.length > 0 ? (pending.at(-1)?.baseVersion ?? null) : (account?.version ?? null));
  const queuedAt = deps.now().toISOString();
  const entries = [...outbox];
  if (!account && !pending.some((e) => e.kind === 'create') && base === undefined) {
    entries.push({
      id: deps.id(),
      key,
      queuedAt,
      baseVersion: null,
      attempts: 0,
      kind: 'create',
      body: { provider: key.provider, externalId: key.externalId },
    });
    baseVersion = null;
  }
  for (const change of changes) {
    entries.push({ id: deps.id(), key, queuedAt, baseVersion, attempts: 0, ...change });
  }
  await outboxItem.setValue(entries);
  return changes.length;
}

/** True while this browser has changes for the account the team has not seen yet. */
export async function hasPendingLocked(key: AccountKey): Promise<boolean> {
  const [outbox, conflicts] = await Promise.all([outboxItem.getValue(), conflictsItem.getValue()]);
  return outbox.some((e) => sameKey(e.key, key)) || conflicts.some((c) => sameKey(c.key, key));
}

/** Writes the team's version of an account through to its record (keeps local extras). */
export async function writeThroughLocked(account: Account): Promise<void> {
  const key = { provider: account.provider, externalId: account.externalId };
  if (await hasPendingLocked(key)) return;
  const item = recordItem(key);
  await item.setValue(recordFromAccount(account, await item.getValue()));
}

/** Every record this browser keeps, by reading the storage keys of `recordItem`. */
export async function localRecords(): Promise<AccountRecord[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all)
    .filter(([k]) => k.startsWith('veriguide:record:'))
    .map(([, v]) => v as AccountRecord)
    .filter((r) => r && typeof r === 'object' && 'status' in r);
}
