import { type Account, type PatchAccount, PatchAccountSchema } from '../../../shared/api/accounts';
import { getPlaybook } from '../../../shared/playbooks/index';
import type { ProviderId } from '../../../shared/playbooks/schema';
import { changeEntityType } from '../../../shared/rules/status-machine';
import type { ReadCtx } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import { NotFoundError, PreconditionFailedError, ValidationError, zodIssues } from '../../errors';
import { notATeamMember } from './owner';
import {
  type AccountRow,
  commitAccountChange,
  diff,
  loadAccountFor,
  parseIfMatch,
  refusePii,
  stepIds,
  toAccount,
  toState,
} from './record';
import { invalidTransition } from './refusal';

/**
 * PATCH /accounts/:id (editor+) with `If-Match: "<version>"`: label, notes, owner, entity type
 * (the provider's irreversibility rules apply) and checklist progress, merged step by step.
 */
export async function updateAccount({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: { id: string; ifMatch: string | undefined; patch: PatchAccount };
}): Promise<Account> {
  const parsed = PatchAccountSchema.safeParse(input.patch);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  // The token, the current row and whether a new owner is in the team: one round trip; nothing
  // is written before the checks below.
  const { ctx, row, ownerInTeam } = await loadAccountFor(
    readCtx,
    input.id,
    parsed.data.ownerMemberId,
  );
  requireRole(ctx, 'editor');
  const expected = parseIfMatch(input.ifMatch);
  const patch = parsed.data;
  if (!row) throw new NotFoundError('Account');
  if (row.version !== expected) throw new PreconditionFailedError(row.version);
  refusePii({ label: patch.label, notes: patch.notes });
  if (patch.ownerMemberId != null && !ownerInTeam) throw notATeamMember();

  const playbook = getPlaybook(row.provider as ProviderId);
  if (patch.entityType !== undefined && patch.entityType !== row.entityType) {
    const verdict = changeEntityType(playbook, toState(row), patch.entityType);
    if (!verdict.ok) throw invalidTransition(ctx, verdict.refusal);
  }

  const current = toAccount(row, ctx.now);
  let checklist = current.checklist;
  if (patch.checklist) {
    const known = stepIds(playbook.flows);
    const unknown = Object.keys(patch.checklist).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new ValidationError(
        unknown.map((id) => ({
          path: `checklist.${id}`,
          message: `not a step of the ${playbook.id} playbook`,
        })),
      );
    }
    checklist = { ...checklist };
    for (const [stepId, doneAt] of Object.entries(patch.checklist)) {
      if (doneAt === null) delete checklist[stepId];
      else checklist[stepId] = doneAt;
    }
  }

  const next = {
    label: patch.label === undefined ? current.label : patch.label,
    notes: patch.notes === undefined ? current.notes : patch.notes,
    ownerMemberId: patch.ownerMemberId === undefined ? current.ownerMemberId : patch.ownerMemberId,
    entityType: patch.entityType ?? current.entityType,
    checklist,
  };
  const changes = diff(current, next);
  if (!changes) return current;
  const set: Partial<AccountRow> = {
    label: next.label,
    notes: next.notes,
    ownerMemberId: next.ownerMemberId,
    entityType: next.entityType,
    checklist: JSON.stringify(next.checklist),
  };
  return toAccount(
    await commitAccountChange(ctx, row, expected, set, { type: 'updated', ...changes }),
    ctx.now,
  );
}
