import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, Db } from '../context';
import { members, tokens } from '../db/schema';
import { sha256Hex, TOKEN_PATTERN } from './tokens';

const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

/**
 * Resolves `Authorization: Bearer vg_...` to the member it belongs to, or null for a missing,
 * malformed, unknown or revoked token. Records when the token was last used.
 */
export const authenticate = async (
  db: Db,
  authorization: string | undefined,
  now: string,
): Promise<Actor | null> => {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const hash = await sha256Hex(token);
  const [row] = await db
    .select({
      tokenId: tokens.id,
      memberId: members.id,
      teamId: members.teamId,
      role: members.role,
      name: members.name,
      email: members.email,
      lastUsedAt: tokens.lastUsedAt,
    })
    .from(tokens)
    .innerJoin(members, eq(members.id, tokens.memberId))
    .where(and(eq(tokens.hash, hash), isNull(tokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  const { lastUsedAt, ...actor } = row;
  // A write per request would send every read to the primary: refresh "last used" at most
  // every few minutes.
  if (!lastUsedAt || Date.parse(now) - Date.parse(lastUsedAt) > LAST_USED_RESOLUTION_MS) {
    await db.update(tokens).set({ lastUsedAt: now }).where(eq(tokens.id, row.tokenId));
  }
  return actor;
};
