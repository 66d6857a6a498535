import { and, eq } from 'drizzle-orm';
import type { IssuedToken } from '../../../shared/api/members';
import { atLeast } from '../../auth/roles';
import { newToken, sha256Hex } from '../../auth/tokens';
import type { ServiceCtx } from '../../context';
import { members, tokens } from '../../db/schema';
import { ForbiddenError, NotFoundError } from '../../errors';

/**
 * POST /members/:id/tokens (admin+, or the member for themself): a new API token. The token is
 * in this response only; the database keeps its SHA-256.
 */
export async function issueToken({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { memberId: string; name?: string | undefined };
}): Promise<IssuedToken> {
  const own = input.memberId === ctx.actor.memberId;
  if (!own && !atLeast(ctx.actor.role, 'admin')) {
    throw new ForbiddenError('Only admins issue tokens for other members.');
  }
  const [member] = await ctx.db
    .select({ id: members.id, role: members.role })
    .from(members)
    .where(and(eq(members.id, input.memberId), eq(members.teamId, ctx.actor.teamId)))
    .limit(1);
  if (!member) throw new NotFoundError('Member');
  // A token acts with its member's role: an admin may not mint an owner's token.
  if (!own && !atLeast(ctx.actor.role, member.role)) {
    throw new ForbiddenError(`You cannot issue tokens for a member whose role is ${member.role}.`);
  }
  const token = newToken();
  const issued = {
    id: crypto.randomUUID(),
    memberId: member.id,
    name: input.name ?? null,
    createdAt: ctx.now,
  };
  await ctx.db
    .insert(tokens)
    .values({ ...issued, teamId: ctx.actor.teamId, hash: await sha256Hex(token) });
  return { ...issued, token };
}
