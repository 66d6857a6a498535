import type { Account } from '../../shared/api/accounts';
import { teamCache, teamConnection } from '../storage';
import type { Deps } from './context';
import { withLock } from './lock';
import { cacheAccountLocked } from './outbox';
import { writeThroughLocked } from './records';
import { apiFor } from './session';

export type SyncResult = { ok: true; changed: number } | { ok: false; error: string };

let running: Promise<SyncResult> | null = null;

/**
 * Brings the team cache up to date through GET /changes, page by page from the stored cursor
 * (tombstones remove deleted accounts), and writes each changed account through to the record
 * the overlay shows, unless this browser still has changes of its own queued for it. The first
 * sync after connecting skips that: local records are compared with the team's first.
 * Concurrent calls share one run.
 */
export function syncChanges(
  deps: Deps,
  opts: { writeThrough?: boolean } = {},
): Promise<SyncResult> {
  running ??= sync(deps, opts.writeThrough ?? true).finally(() => {
    running = null;
  });
  return running;
}

/** Waits for a sync in progress, if any (so the next one runs with its own options). */
export async function syncRunning(): Promise<void> {
  await running?.catch(() => undefined);
}

async function sync(deps: Deps, writeThrough: boolean): Promise<SyncResult> {
  const conn = await teamConnection.getValue();
  if (!conn) return { ok: false, error: 'not_connected' };
  const api = await apiFor(conn, deps);
  let changed = 0;
  for (let page = 0; page < 100; page++) {
    const { cursor } = await teamCache.getValue();
    const res = await api.changes(cursor);
    if (!res.ok) {
      const error = res.status === 401 ? 'unauthorized' : res.message;
      await withLock(async () => {
        await teamCache.setValue({ ...(await teamCache.getValue()), lastError: error });
      });
      return { ok: false, error };
    }
    await withLock(async () => {
      // A disconnect or reconnect while this page was in flight makes it stale.
      if ((await teamConnection.getValue())?.token !== conn.token) return;
      for (const item of res.data.items) {
        if ('deleted' in item) {
          const cache = await teamCache.getValue();
          const { [item.id]: _gone, ...accounts } = cache.accounts;
          await teamCache.setValue({ ...cache, accounts });
        } else {
          const kept = await cacheAccountLocked(item as Account);
          if (writeThrough) await writeThroughLocked(kept);
        }
        changed += 1;
      }
      const cache = await teamCache.getValue();
      await teamCache.setValue({
        ...cache,
        cursor: res.data.nextCursor,
        lastSyncAt: deps.now().toISOString(),
        lastError: null,
      });
    });
    if (!res.data.hasMore) break;
  }
  return { ok: true, changed };
}

/** How often the member's role and name are read again (ms). */
const ME_EVERY_MS = 5 * 60 * 1000;
let meCheckedAt = 0;

/**
 * Reads GET /me again now and then, so a role changed by an admin (say editor -> viewer)
 * reaches the pages' write actions without reconnecting.
 */
export async function refreshMe(deps: Deps): Promise<void> {
  const now = deps.now().getTime();
  if (Math.abs(now - meCheckedAt) < ME_EVERY_MS) return;
  meCheckedAt = now;
  const conn = await teamConnection.getValue();
  if (!conn) return;
  const me = await (await apiFor(conn, deps)).me();
  if (!me.ok) return;
  await withLock(async () => {
    const current = await teamConnection.getValue();
    if (current?.token !== conn.token) return;
    if (JSON.stringify(current.me) !== JSON.stringify(me.data)) {
      await teamConnection.setValue({ ...current, me: me.data });
    }
  });
}
