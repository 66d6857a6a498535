import { asc, eq } from 'drizzle-orm';
import type { Member } from '../../../shared/api/members';
import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { members } from '../../db/schema';

/** GET /members (viewer+): the team's members (a team has tens, not thousands). */
export async function listMembers({
  ctx,
}: {
  ctx: ServiceCtx;
  input?: undefined;
}): Promise<{ items: Member[] }> {
  requireRole(ctx, 'viewer');
  const items = await ctx.db
    .select({
      id: members.id,
      name: members.name,
      email: members.email,
      role: members.role,
      createdAt: members.createdAt,
      updatedAt: members.updatedAt,
    })
    .from(members)
    .where(eq(members.teamId, ctx.actor.teamId))
    .orderBy(asc(members.createdAt), asc(members.id));
  return { items };
}
