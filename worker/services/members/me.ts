import { eq } from 'drizzle-orm';
import type { Me } from '../../../shared/api/members';
import type { ServiceCtx } from '../../context';
import { teams } from '../../db/schema';
import { NotFoundError } from '../../errors';

/** GET /me (any role): who the token belongs to, and the team. */
export async function me({ ctx }: { ctx: ServiceCtx; input?: undefined }): Promise<Me> {
  const [team] = await ctx.db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.id, ctx.actor.teamId))
    .limit(1);
  if (!team) throw new NotFoundError('Team');
  const { memberId: id, name, email, role } = ctx.actor;
  return { member: { id, name, email, role }, team };
}
