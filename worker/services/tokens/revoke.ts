import { and, eq, isNull } from 'drizzle-orm';
import { atLeast } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { members, tokens } from '../../db/schema';
import { ForbiddenError, NotFoundError } from '../../errors';

/** DELETE /tokens/:id (admin+, or the token's member): the token stops working at once. */
export async function revokeToken({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string };
}): Promise<void> {
  const [token] = await ctx.db
    .select({ id: tokens.id, memberId: tokens.memberId, role: members.role })
    .from(tokens)
    .innerJoin(members, eq(members.id, tokens.memberId))
    .where(
      and(eq(tokens.id, input.id), eq(tokens.teamId, ctx.actor.teamId), isNull(tokens.revokedAt)),
    )
    .limit(1);
  if (!token) throw new NotFoundError('Token');
  const own = token.memberId === ctx.actor.memberId;
  if (!own && !(atLeast(ctx.actor.role, 'admin') && atLeast(ctx.actor.role, token.role))) {
    throw new ForbiddenError('Only admins revoke other members\u2019 tokens.');
  }
  await ctx.db.update(tokens).set({ revokedAt: ctx.now }).where(eq(tokens.id, token.id));
}
