import type { Role } from '../../shared/api/members';
import type { ServiceCtx } from '../context';
import { ForbiddenError } from '../errors';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** owner > admin > editor > viewer. */
export const atLeast = (role: Role, min: Role): boolean => RANK[role] >= RANK[min];

/** Throws 403 unless the caller's role is `min` or higher. Services call this first. */
export const requireRole = (ctx: ServiceCtx, min: Role): void => {
  if (!atLeast(ctx.actor.role, min)) {
    throw new ForbiddenError(`This needs the ${min} role or higher; you are ${ctx.actor.role}.`);
  }
};
