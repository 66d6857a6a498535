import { type Account, type Transition, TransitionSchema } from '../../../shared/api/accounts';
import { getPlaybook } from '../../../shared/playbooks/index';
import type { ProviderId } from '../../../shared/playbooks/schema';
import { applyTransition } from '../../../shared/rules/status-machine';
import type { ReadCtx } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import { NotFoundError, PreconditionFailedError, ValidationError, zodIssues } from '../../errors';
import {
  commitAccountChange,
  diff,
  loadAccountFor,
  parseIfMatch,
  refusePii,
  toAccount,
  toState,
} from './record';
import { invalidTransition } from './refusal';

/** Clock skew tolerated on a client-supplied `at`. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * POST /accounts/:id/transitions (editor+) with If-Match: moves the account through the status
 * machine of its provider's playbook. Entering review computes the review window; verification
 * computes the lock end; a refusal explains the rule (409 invalid_transition).
 */
export async function transitionAccount({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: { id: string; ifMatch: string | undefined; body: Transition };
}): Promise<Account> {
  const parsed = TransitionSchema.safeParse(input.body);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  // The token and the current row in one round trip; nothing is written before the checks below.
  const { ctx, row } = await loadAccountFor(readCtx, input.id);
  requireRole(ctx, 'editor');
  const expected = parseIfMatch(input.ifMatch);
  const body = parsed.data;
  const at = body.at ? new Date(body.at).toISOString() : ctx.now;
  // A future `at` would let a caller step past a lock period.
  if (Date.parse(at) > Date.parse(ctx.now) + FUTURE_TOLERANCE_MS) {
    throw new ValidationError([{ path: 'at', message: 'must not be in the future' }]);
  }
  if (!row) throw new NotFoundError('Account');
  if (row.version !== expected) throw new PreconditionFailedError(row.version);
  refusePii({ reason: body.reason });

  const before = toState(row);
  const result = applyTransition(getPlaybook(row.provider as ProviderId), before, {
    to: body.to,
    at,
    ...(body.flow ? { flow: body.flow } : {}),
    ...(body.reason !== undefined ? { reason: body.reason } : {}),
  });
  if (!result.ok) throw invalidTransition(ctx, result.refusal);
  const s = result.state;
  const changes = diff({ ...before }, { ...s }) ?? { before: {}, after: {} };
  const updated = await commitAccountChange(
    ctx,
    row,
    expected,
    {
      status: s.status,
      entityType: s.entityType,
      submittedAt: s.submittedAt,
      reviewEarliest: s.reviewWindow?.earliest ?? null,
      reviewLatest: s.reviewWindow?.latest ?? null,
      reviewEstimate: s.reviewWindow ? s.reviewWindow.estimate : null,
      verifiedAt: s.verifiedAt,
      lockedUntil: s.lockedUntil,
      rejectedReason: s.rejectedReason,
    },
    { type: 'transitioned', before: changes.before, after: changes.after },
  );
  return toAccount(updated, ctx.now);
}
