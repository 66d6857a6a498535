import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor, Db } from '../context';
import { members, tokens } from '../db/schema';
import { sha256Hex, TOKEN_PATTERN } from './tokens';

/** "Last used" is kept to this resolution: refreshing it on every request would be a write per read. */
export const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

/** The SHA-256 of a well-formed `Authorization: Bearer vg_...` token; null when missing or malformed. */
export const bearerTokenHash = async (
  authorization: string | undefined,
): Promise<string | null> => {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return sha256Hex(token);
};

/** The token row with its member: what a request's actor is made of. */
export type TokenRow = Actor & { lastUsedAt: string | null };

/**
 * The live (not revoked) token with this hash, joined with its member; at most one row. A
 * drizzle query, so it can travel in a D1 batch with the data read it authorises.
 */
export const tokenQuery = (db: Db, hash: string) =>
  db
    .select({
      tokenId: tokens.id,
      // Not members.id: in a D1 batch drizzle maps rows by column name, and two `id` columns
      // would collapse into one and shift every field after them.
      memberId: tokens.memberId,
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

/**
 * The team of the live token with this hash, as a scalar subquery: the same conditions as
 * `tokenQuery`, so a data statement scoped by it reads nothing for an unknown or revoked token
 * (NULL matches no team_id) even when it runs before the token check has been looked at.
 */
export const teamOfToken = (hash: string): SQL =>
  sql`(SELECT ${members.teamId} FROM ${tokens} JOIN ${members} ON ${members.id} = ${tokens.memberId} WHERE ${tokens.hash} = ${hash} AND ${tokens.revokedAt} IS NULL LIMIT 1)`;

/** Whether the token's "last used" is older than its resolution (or unset). */
export const lastUsedIsStale = (lastUsedAt: string | null, now: string): boolean =>
  !lastUsedAt || Date.parse(now) - Date.parse(lastUsedAt) > LAST_USED_RESOLUTION_MS;

/** Records that the token was used at `now`. */
export const touchToken = async (db: Db, tokenId: string, now: string): Promise<void> => {
  await db.update(tokens).set({ lastUsedAt: now }).where(eq(tokens.id, tokenId));
};

/**
 * Resolves the token's hash to the member it belongs to, or null for an unknown or revoked
 * token, with the token's "last used" as stored (the caller refreshes it).
 */
export const findToken = async (db: Db, hash: string): Promise<TokenRow | null> => {
  const [row] = await tokenQuery(db, hash);
  return row ?? null;
};

/** The actor part of a token row. */
export const actorOf = ({ lastUsedAt: _, ...actor }: TokenRow): Actor => actor;
