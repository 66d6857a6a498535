import type { Flow, Playbook } from '../../../shared/playbooks/schema';
import {
  type AccountState,
  applyTransition,
  changeEntityType,
  type Refusal,
  type Status,
} from '../../../shared/rules/status-machine';
import type { AccountRecord } from '../../records/record-store';

export type Target = Extract<Status, 'in_review' | 'verified' | 'rejected'>;

export type PlanResult = { ok: true; record: AccountRecord } | { ok: false; refusal: Refusal };

const stateOf = (r: AccountRecord): AccountState => ({
  status: r.status,
  entityType: r.entityType,
  submittedAt: r.submittedAt,
  reviewWindow: r.reviewWindow,
  verifiedAt: r.verifiedAt,
  lockedUntil: r.lockedUntil,
  rejectedReason: r.rejectedReason,
});

/**
 * Moves the record to `target` through the status machine, one allowed step at a time
 * ("I submitted" on a record nobody started goes unverified -> in progress -> in review), and
 * records the verification type of the flow being followed before the review starts (so the
 * review window is the right one). With `direct`, only the last step is tried. The first
 * refusal stops the plan and is returned as is.
 */
export function moveTo(
  playbook: Playbook,
  record: AccountRecord,
  target: Target,
  opts: { at: string; flow: Flow | null; reason?: string | undefined; direct?: boolean },
): PlanResult {
  let state = stateOf(record);
  const step = (
    to: Status,
    extra: { flow?: Flow['kind']; reason?: string } = {},
  ): Refusal | null => {
    const result = applyTransition(playbook, state, { to, at: opts.at, ...extra });
    if (!result.ok) return result.refusal;
    state = result.state;
    return null;
  };

  const route = ((): Status[] => {
    // "It was approved / rejected" are single steps: the machine explains why they do not
    // apply to a review that was never submitted.
    if (opts.direct) return [target];
    switch (state.status) {
      case 'in_review':
        return [target];
      case 'in_progress':
        return ['in_review', target];
      default:
        return ['in_progress', 'in_review', target];
    }
  })().filter((s, i, all) => all.indexOf(s) === i);

  for (const to of route) {
    const refusal =
      to === 'in_progress'
        ? step(to, opts.flow ? { flow: opts.flow.kind } : {})
        : to === 'rejected'
          ? step(to, opts.reason === undefined ? {} : { reason: opts.reason })
          : ((to === 'in_review' ? typeFromFlow() : null) ?? step(to));
    if (refusal) return { ok: false, refusal };
  }
  return { ok: true, record: { ...record, ...state } };

  function typeFromFlow(): Refusal | null {
    if (!opts.flow || state.entityType === opts.flow.entityType) return null;
    const change = changeEntityType(playbook, state, opts.flow.entityType);
    if (!change.ok) return change.refusal;
    state = { ...state, entityType: opts.flow.entityType };
    return null;
  }
}
