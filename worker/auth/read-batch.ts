import type { SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Actor, ServiceCtx } from '../context';
import { type TokenRow, teamOfToken, tokenQuery } from './authenticate';

/**
 * A bearer token the middleware has not looked up yet: the read routes (and the writes to one
 * account, with its current row) check it in the same D1 batch as their first read (one round
 * trip instead of two; on local D1 each costs about as much as the rest of the request). See
 * `requireAuth` in worker/http/middleware.ts.
 */
export interface PendingToken {
  readonly hash: string;
  /**
   * Decides with the token row the batch read (undefined: none): the actor, or 401 / 429 as
   * `requireAuth` would answer. Also the moment the middleware learns the check was made.
   */
  settle(row: TokenRow | undefined): Promise<Actor>;
}

/** A read verb's context: the actor, or the token still to be checked with the read. */
export type ReadCtx = Omit<ServiceCtx, 'actor'> & { caller: Actor | PendingToken };

const isPending = (caller: Actor | PendingToken): caller is PendingToken => 'settle' in caller;

/**
 * Runs `read` for the caller's team. With a pending token the token check and `read` go to D1
 * in one batch, `read` scoped by a subquery on the token's hash (so an unknown or revoked token
 * reads nothing), and the check is settled before any row is used. Returns the service context
 * with the actor for the verb's role check and output.
 */
export async function readForCaller<Q extends BatchItem<'sqlite'>>(
  ctx: ReadCtx,
  read: (team: string | SQL) => Q,
): Promise<{ ctx: ServiceCtx; rows: Q['_']['result'] }> {
  // drizzle's queries are thenables of their `_.result`, which the generic cannot see.
  const run = async (team: string): Promise<Q['_']['result']> => await read(team);
  const { caller, ...rest } = ctx;
  if (!isPending(caller))
    return { ctx: { ...rest, actor: caller }, rows: await run(caller.teamId) };
  const [tokenRows, data] = await ctx.db.batch([
    tokenQuery(ctx.db, caller.hash),
    read(teamOfToken(caller.hash)),
  ]);
  const [row] = tokenRows;
  const actor = await caller.settle(row);
  // No token row here but an actor all the same: the read replica that answered had not seen a
  // token the primary knows (just issued). Its data read was scoped to no team: read again.
  const rows = row ? data : await run(actor.teamId);
  return { ctx: { ...rest, actor }, rows };
}
