import { and, count, eq } from 'drizzle-orm';
import { type Member, type PatchMember, PatchMemberSchema } from '../../../shared/api/members';
import { atLeast, requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { members } from '../../db/schema';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  zodIssues,
} from '../../errors';

/**
 * PATCH /members/:id (admin+): rename or change a role. An admin cannot touch an owner or grant
 * owner; the team always keeps at least one owner.
 */
export async function updateMember({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; patch: PatchMember };
}): Promise<Member> {
  const parsed = PatchMemberSchema.safeParse(input.patch);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  requireRole(ctx, 'admin');
  const patch = parsed.data;
  const where = and(eq(members.id, input.id), eq(members.teamId, ctx.actor.teamId));
  const [target] = await ctx.db.select().from(members).where(where).limit(1);
  if (!target) throw new NotFoundError('Member');
  if (!atLeast(ctx.actor.role, target.role)) {
    throw new ForbiddenError(`You cannot change a member whose role is ${target.role}.`);
  }
  if (patch.role && !atLeast(ctx.actor.role, patch.role)) {
    throw new ForbiddenError(`You cannot grant the ${patch.role} role.`);
  }
  if (target.role === 'owner' && patch.role && patch.role !== 'owner') {
    const [owners] = await ctx.db
      .select({ n: count() })
      .from(members)
      .where(and(eq(members.teamId, ctx.actor.teamId), eq(members.role, 'owner')));
    if ((owners?.n ?? 0) <= 1) throw new ConflictError('The team must keep at least one owner.');
  }
  const [updated] = await ctx.db
    .update(members)
    .set({ ...patch, updatedAt: ctx.now })
    .where(where)
    .returning();
  if (!updated) throw new NotFoundError('Member');
  const { teamId: _t, ...member } = updated;
  return member;
}
