import type { Account, PatchAccount, Transition } from '../../shared/api/accounts';
import { findFlow, getPlaybook } from '../../shared/playbooks/index';
import type { Status } from '../../shared/rules/status-machine';
import { emptyRecord } from '../records/empty-record';
import type { AccountRecord, RecordKey } from '../records/record-store';

/** One API call a record change needs, in the order they must be made. */
export type Change =
  | { kind: 'patch'; body: PatchAccount }
  | { kind: 'transition'; body: Transition };

// The status machine's edges (shared/rules/status-machine.ts); the API applies the rules, this
// only finds the route the overlay took (it may skip through several states in one click).
const NEXT: Record<Status, readonly Status[]> = {
  unverified: ['in_progress'],
  in_progress: ['in_review', 'unverified'],
  in_review: ['verified', 'rejected'],
  verified: ['in_progress'],
  rejected: ['in_progress'],
};

/** The shortest list of statuses after `from` that ends in `to` (empty when equal). */
export function route(from: Status, to: Status): Status[] {
  if (from === to) return [];
  const prev = new Map<Status, Status>();
  const queue: Status[] = [from];
  while (queue.length > 0) {
    const s = queue.shift() as Status;
    for (const n of NEXT[s]) {
      if (n === from || prev.has(n)) continue;
      prev.set(n, s);
      if (n === to) {
        const path: Status[] = [n];
        let at = s;
        while (at !== from) {
          path.unshift(at);
          at = prev.get(at) as Status;
        }
        return path;
      }
      queue.push(n);
    }
  }
  return [to];
}

/**
 * The API calls that turn the team's record `before` into `after`: the verification type
 * first (the review window depends on it), then checklist progress, then each status step with
 * the time the user gave it. The flow id and decision are not team data: they stay local.
 */
export function changesBetween(before: AccountRecord, after: AccountRecord): Change[] {
  const changes: Change[] = [];
  const patch: PatchAccount = {};
  if (after.entityType !== before.entityType && after.entityType !== 'unknown') {
    patch.entityType = after.entityType;
  }
  const checklist: Record<string, string | null> = {};
  for (const [step, at] of Object.entries(after.checklist)) {
    if (before.checklist[step] !== at) checklist[step] = at;
  }
  for (const step of Object.keys(before.checklist)) {
    if (!(step in after.checklist)) checklist[step] = null;
  }
  if (Object.keys(checklist).length > 0) patch.checklist = checklist;
  if (Object.keys(patch).length > 0) changes.push({ kind: 'patch', body: patch });

  const flowKind = after.flowId
    ? findFlow(getPlaybook(after.provider), after.flowId)?.kind
    : undefined;
  let from = before.status;
  for (const to of route(before.status, after.status)) {
    const body: Transition = { to, at: timeOf(after, to) };
    if (to === 'rejected' && after.rejectedReason) body.reason = after.rejectedReason;
    if (
      from === 'verified' &&
      to === 'in_progress' &&
      (flowKind === 'change' || flowKind === 'update' || flowKind === 'upgrade')
    ) {
      body.flow = flowKind;
    }
    changes.push({ kind: 'transition', body });
    from = to;
  }
  return changes;
}

const timeOf = (r: AccountRecord, to: Status): string =>
  (to === 'in_review' ? r.submittedAt : to === 'verified' ? r.verifiedAt : null) ?? r.updatedAt;

/**
 * The overlay's record for a team account: the team's fields, plus what only this browser
 * keeps (the flow being followed and the decision helper's answer).
 */
export function recordFromAccount(account: Account, local: AccountRecord | null): AccountRecord {
  return {
    provider: account.provider,
    externalId: account.externalId,
    entityType: account.entityType,
    status: account.status,
    submittedAt: account.submittedAt,
    reviewWindow: account.reviewWindow,
    verifiedAt: account.verifiedAt,
    lockedUntil: account.lockedUntil,
    rejectedReason: account.rejectedReason,
    checklist: { ...account.checklist },
    flowId: local?.flowId ?? null,
    decision: local?.decision ?? null,
    updatedAt: account.updatedAt,
  };
}

/** True when two records say the same about the team's data (status, type, progress). */
export function sameTeamData(a: AccountRecord, b: AccountRecord): boolean {
  const ka = Object.keys(a.checklist).sort();
  const kb = Object.keys(b.checklist).sort();
  return (
    a.status === b.status &&
    a.entityType === b.entityType &&
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && a.checklist[k] === b.checklist[k])
  );
}

/** A record nobody has touched: what a new team account looks like to the overlay. */
export const blankRecord = (key: RecordKey, at: string): AccountRecord => ({
  ...emptyRecord(key),
  updatedAt: at,
});
