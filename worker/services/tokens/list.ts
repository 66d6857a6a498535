import { and, desc, eq } from 'drizzle-orm';
import type { TokenInfo } from '../../../shared/api/members';
import { atLeast } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { members, tokens } from '../../db/schema';
import { ForbiddenError, NotFoundError } from '../../errors';

/**
 * GET /members/:id/tokens (admin+, or the member for themself): the member's tokens without
 * their secret, so a lost or leaked one can be found and revoked.
 */
export async function listTokens({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { memberId: string };
}): Promise<{ items: TokenInfo[] }> {
  const own = input.memberId === ctx.actor.memberId;
  if (!own && !atLeast(ctx.actor.role, 'admin')) {
    throw new ForbiddenError("Only admins see other members' tokens.");
  }
  const [member] = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, input.memberId), eq(members.teamId, ctx.actor.teamId)))
    .limit(1);
  if (!member) throw new NotFoundError('Member');
  const items = await ctx.db
    .select({
      id: tokens.id,
      name: tokens.name,
      createdAt: tokens.createdAt,
      lastUsedAt: tokens.lastUsedAt,
      revokedAt: tokens.revokedAt,
    })
    .from(tokens)
    .where(eq(tokens.memberId, member.id))
    .orderBy(desc(tokens.createdAt));
  return { items };
}
