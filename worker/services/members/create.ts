import { type CreateMember, CreateMemberSchema, type Member } from '../../../shared/api/members';
import { atLeast, requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { members } from '../../db/schema';
import { ConflictError, ForbiddenError, ValidationError, zodIssues } from '../../errors';
import { isUniqueViolation } from '../accounts/create';

/**
 * POST /members (admin+): adds a member. Nobody grants a role above their own (an admin cannot
 * create an owner). The member signs in with a token issued by POST /members/:id/tokens.
 */
export async function createMember({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: CreateMember;
}): Promise<Member> {
  const parsed = CreateMemberSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
  requireRole(ctx, 'admin');
  if (!atLeast(ctx.actor.role, parsed.data.role)) {
    throw new ForbiddenError(`You cannot grant the ${parsed.data.role} role.`);
  }
  const member: Member = {
    id: crypto.randomUUID(),
    name: parsed.data.name,
    email: parsed.data.email.toLowerCase(),
    role: parsed.data.role,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await ctx.db.insert(members).values({ ...member, teamId: ctx.actor.teamId });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError('A member with this email exists.');
    throw err;
  }
  return member;
}
