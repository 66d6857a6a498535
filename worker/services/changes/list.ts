import { and, asc, eq, gt } from 'drizzle-orm';
import type { Changes } from '../../../shared/api/accounts';
import type { ProviderId } from '../../../shared/playbooks/schema';
import { type ReadCtx, readForCaller } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import { accounts } from '../../db/schema';
import { toAccount } from '../accounts/record';
import { decodeCursor, encodeCursor } from '../cursor';

type Position = { s: number };
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && Number.isSafeInteger((v as Position).s);

/**
 * GET /changes?since (viewer+): accounts changed after the cursor, in the order of their
 * changes, deleted ones as tombstones. Every write stamps the account with the id of its event,
 * allocated inside D1's serialised write batch, so sequence numbers commit in order: a client
 * that follows nextCursor never skips or repeats a change. The token is checked in the same D1
 * batch as the page (one round trip; worker/auth/read-batch.ts).
 */
export async function listChanges({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: { since?: string | undefined; limit?: number | undefined };
}): Promise<Changes> {
  // A forged cursor is 400 before any read; with a bad token the middleware answers 401 instead.
  const since = input.since ? decodeCursor(input.since, 'since', isPosition).s : 0;
  const limit = input.limit ?? 200;
  const { ctx, rows } = await readForCaller(readCtx, (team) =>
    readCtx.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.teamId, team), gt(accounts.changeSeq, since)))
      .orderBy(asc(accounts.changeSeq))
      .limit(limit + 1),
  );
  requireRole(ctx, 'viewer');
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) =>
      r.deletedAt
        ? {
            id: r.id,
            deleted: true as const,
            provider: r.provider as ProviderId,
            externalId: r.externalId,
          }
        : toAccount(r, ctx.now),
    ),
    nextCursor: encodeCursor({ s: last ? last.changeSeq : since }),
    hasMore: rows.length > limit,
  };
}
