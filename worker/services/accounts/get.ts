import { and, eq, isNull } from 'drizzle-orm';
import type { Account } from '../../../shared/api/accounts';
import { type ReadCtx, readForCaller } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import { accounts } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { toAccount } from './record';

/** GET /accounts/:id (viewer+); another team's id is 404 as well (no existence leak). */
export async function getAccount({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: { id: string };
}): Promise<Account> {
  const { ctx, rows } = await readForCaller(readCtx, (team) =>
    readCtx.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.id, input.id), eq(accounts.teamId, team), isNull(accounts.deletedAt)))
      .limit(1),
  );
  requireRole(ctx, 'viewer');
  const [row] = rows;
  if (!row) throw new NotFoundError('Account');
  return toAccount(row, ctx.now);
}
