import type { Me } from '../../shared/api/members';
import type { MessageError, OutboxEntry, UploadReport } from '../../shared/messages';
import type { AccountRecord } from '../records/record-store';
import { conflictsItem, outboxItem, recordItem, teamCache, teamConnection } from '../storage';
import type { Deps } from './context';
import { blankRecord, recordFromAccount, sameTeamData } from './diff';
import { withLock } from './lock';
import { flushOutbox } from './outbox';
import { enqueueLocked, findAccount, localRecords, sameKey } from './records';
import { syncChanges, syncRunning } from './sync';

const EMPTY_CACHE = {
  cursor: null,
  bookmark: null,
  lastSyncAt: null,
  lastError: null,
  accounts: {},
};

/**
 * Connects to a team: the token is checked with GET /me before anything is saved; then the
 * team's accounts are synced and this browser's local records uploaded (matched by provider
 * and account id; a record that differs from the team's becomes a conflict for the user).
 * The token is stored for the background only; callers get the member and team back.
 */
export async function connect(
  input: { apiUrl: string; token: string },
  deps: Deps,
): Promise<{ ok: true; me: Me; upload: UploadReport } | { ok: false; error: MessageError }> {
  const apiUrl = new URL(input.apiUrl).origin;
  const probe = deps.api(
    { apiUrl, token: input.token },
    { bookmark: () => null, onBookmark: () => undefined },
  );
  const me = await probe.me();
  if (!me.ok) {
    return {
      ok: false,
      error: {
        code: me.status === 0 ? 'unreachable' : me.status === 401 ? 'unauthorized' : 'internal',
        message: me.message,
      },
    };
  }
  await withLock(async () => {
    const previous = await teamConnection.getValue();
    if (previous?.me.team.id !== me.data.team.id || previous.apiUrl !== apiUrl) {
      // Another team (or server): nothing cached or queued for the old one carries over. The
      // local records stay and are uploaded below.
      await teamCache.setValue(EMPTY_CACHE);
      await outboxItem.setValue([]);
      await conflictsItem.setValue([]);
    }
    await teamConnection.setValue({
      apiUrl,
      token: input.token,
      me: me.data,
      connectedAt: deps.now().toISOString(),
    });
  });
  // Local records must meet the team's before any is overwritten by it (see uploadLocal).
  await syncRunning();
  const synced = await syncChanges(deps, { writeThrough: false });
  if (!synced.ok) return { ok: false, error: { code: 'unreachable', message: synced.error } };
  const upload = await uploadLocal(deps);
  await flushOutbox(deps);
  return { ok: true, me: me.data, upload };
}

/** Back to local-only mode: the token and the team cache are forgotten, records stay. */
export async function disconnect(): Promise<void> {
  await withLock(async () => {
    await teamConnection.setValue(null);
    await teamCache.setValue(EMPTY_CACHE);
    await outboxItem.setValue([]);
    await conflictsItem.setValue([]);
  });
}

/**
 * Uploads the records this browser made on its own: a record the team does not have is
 * created with its progress and status; one it has with the same data is simply matched; one
 * that differs is kept as an upload conflict (the overlay shows the team's until resolved).
 */
export async function uploadLocal(deps: Deps): Promise<UploadReport> {
  const report: UploadReport = { created: 0, matched: 0, conflicts: 0 };
  const epoch = new Date(0).toISOString();
  for (const local of await localRecords()) {
    if (local.externalId === null || local.updatedAt === epoch) continue;
    const key = { provider: local.provider, externalId: local.externalId };
    await withLock(async () => {
      const pending = (await outboxItem.getValue()).some((e) => sameKey(e.key, key));
      const conflicted = (await conflictsItem.getValue()).some((c) => sameKey(c.key, key));
      if (pending || conflicted) return;
      const account = findAccount(await teamCache.getValue(), key);
      if (!account) {
        await enqueueLocked(key, blankRecord(local, epoch), local, deps);
        report.created += 1;
        return;
      }
      const theirs = recordFromAccount(account, local);
      if (sameTeamData(local, theirs)) {
        report.matched += 1;
      } else {
        report.conflicts += 1;
        await conflictsItem.setValue([
          ...(await conflictsItem.getValue()),
          {
            id: deps.id(),
            key,
            reason: 'upload',
            mine: local,
            theirs: account,
            at: deps.now().toISOString(),
          },
        ]);
      }
      await recordItem(key).setValue(theirs);
    });
  }
  return report;
}

/**
 * The user's answer to a conflict. Keep theirs: the team's record stays, ours is dropped. Keep
 * mine: the changes that met the conflict are sent again on the team's current version (so
 * changes made since, by anyone, stay); for an upload conflict, the team's record is made like
 * this browser's.
 */
export async function resolveConflict(
  id: string,
  keep: 'mine' | 'theirs',
  deps: Deps,
): Promise<boolean> {
  const done = await withLock(async () => {
    const conflicts = await conflictsItem.getValue();
    const found = conflicts.find((c) => c.id === id);
    if (!found) return false;
    await conflictsItem.setValue(conflicts.filter((c) => c.id !== id));
    const current = findAccount(await teamCache.getValue(), found.key) ?? found.theirs;
    const item = recordItem(found.key);
    const shown = recordFromAccount(current, (await item.getValue()) ?? found.mine);
    if (keep === 'theirs') {
      await item.setValue(shown);
      return true;
    }
    const again = (found.entries ?? []).filter((e) => e.kind !== 'create');
    if (again.length === 0) {
      await enqueueLocked(found.key, shown, found.mine, deps, current.version);
      await item.setValue({ ...found.mine, updatedAt: deps.now().toISOString() });
      return true;
    }
    const queuedAt = deps.now().toISOString();
    await outboxItem.setValue([
      ...(await outboxItem.getValue()),
      ...again.map((e) => ({ ...e, id: deps.id(), queuedAt, baseVersion: current.version })),
    ]);
    await item.setValue(applyEntries(shown, again, found.mine));
    return true;
  });
  if (done && keep === 'mine') await flushOutbox(deps);
  return done;
}

/** What the overlay shows while re-sent changes travel: the team's record with them applied. */
function applyEntries(
  record: AccountRecord,
  entries: OutboxEntry[],
  mine: AccountRecord,
): AccountRecord {
  const next = { ...record, checklist: { ...record.checklist } };
  for (const e of entries) {
    if (e.kind === 'patch') {
      if (e.body.entityType) next.entityType = e.body.entityType;
      for (const [step, at] of Object.entries(e.body.checklist ?? {})) {
        if (at === null) delete next.checklist[step];
        else next.checklist[step] = at;
      }
    } else if (e.kind === 'transition') {
      Object.assign(next, {
        status: mine.status,
        submittedAt: mine.submittedAt,
        reviewWindow: mine.reviewWindow,
        verifiedAt: mine.verifiedAt,
        lockedUntil: mine.lockedUntil,
        rejectedReason: mine.rejectedReason,
      });
    }
  }
  return next;
}
