import type { Account } from '../../../shared/api/accounts';
import type { ReadCtx } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import { NotFoundError } from '../../errors';
import { loadAccountFor, toAccount } from './record';

/** GET /accounts/:id (viewer+); another team's id is 404 as well (no existence leak). */
export async function getAccount({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: { id: string };
}): Promise<Account> {
  // The same one-round-trip read (token + row) the writes to one account start with.
  const { ctx, row } = await loadAccountFor(readCtx, input.id);
  requireRole(ctx, 'viewer');
  if (!row) throw new NotFoundError('Account');
  return toAccount(row, ctx.now);
}
