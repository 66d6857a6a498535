import { and, eq, type SQL, sql } from 'drizzle-orm';
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
  if (!m) throw notATeamMember(path);
};

/** 400 naming the field that holds an id of no member of the caller's team. */
export const notATeamMember = (path = 'ownerMemberId'): ValidationError =>
  new ValidationError([{ path, message: 'no member of your team has this id' }]);

/**
 * Whether `memberId` is a member of `team`, as a column of another read (1 or 0), so a write
 * can check its new owner in the batch that reads the current row.
 */
export const isTeamMemberSql = (memberId: string, team: string | SQL): SQL<number> =>
  sql<number>`EXISTS (SELECT 1 FROM ${members} WHERE ${members.id} = ${memberId} AND ${members.teamId} = ${team})`;
