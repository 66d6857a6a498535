import { and, asc, eq, gt } from 'drizzle-orm';
import type { AccountEvent } from '../../../shared/api/accounts';
import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { accounts, events, members } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { decodeCursor, encodeCursor } from '../cursor';

const parse = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
};

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/**
 * GET /accounts/:id/events (viewer+): the audit trail, oldest first. A deleted account's
 * trail stays readable (who deleted it, and when).
 */
export async function listEvents({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; limit?: number | undefined; cursor?: string | undefined };
}): Promise<{ items: AccountEvent[]; nextCursor: string | null }> {
  requireRole(ctx, 'viewer');
  const [account] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, input.id), eq(accounts.teamId, ctx.actor.teamId)))
    .limit(1);
  if (!account) throw new NotFoundError('Account');
  const limit = input.limit ?? 100;
  const after = input.cursor ? decodeCursor(input.cursor, 'cursor', isSeq) : 0;
  const rows = await ctx.db
    .select({
      id: events.id,
      type: events.type,
      at: events.at,
      actorId: events.actorMemberId,
      actorName: members.name,
      before: events.before,
      after: events.after,
    })
    .from(events)
    .leftJoin(members, eq(members.id, events.actorMemberId))
    .where(and(eq(events.accountId, account.id), gt(events.id, after)))
    .orderBy(asc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      type: r.type,
      at: r.at,
      actor: { id: r.actorId, name: r.actorName },
      before: parse(r.before),
      after: parse(r.after),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
  };
}
