import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../context';
import { members } from '../../db/schema';
import { ValidationError } from '../../errors';

/** An owner must be a member of the caller's team (400 naming the field otherwise). */
export const ensureTeamMember = async (
  ctx: ServiceCtx,
  memberId: string | null | undefined,
  path = 'ownerMemberId',
): Promise<void> => {
  if (memberId === null || memberId === undefined) return;
  const [m] = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.teamId, ctx.actor.teamId)))
    .limit(1);
  if (!m) throw new ValidationError([{ path, message: 'no member of your team has this id' }]);
};
