import { and, eq, isNull } from 'drizzle-orm';
import type { Account } from '../../../shared/api/accounts';
import type { ProviderId } from '../../../shared/playbooks/schema';
import { type ReadCtx, readForCaller } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import { accounts } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { toAccount } from './record';

/** GET /accounts/lookup?provider&externalId (viewer+): the overlay's "which record is this page". */
export async function lookupAccount({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: { provider: ProviderId; externalId: string };
}): Promise<Account> {
  const { ctx, rows } = await readForCaller(readCtx, (team) =>
    readCtx.db
      .select()
      .from(accounts)
      .where(
        and(
          eq(accounts.teamId, team),
          eq(accounts.provider, input.provider),
          eq(accounts.externalId, input.externalId),
          isNull(accounts.deletedAt),
        ),
      )
      .limit(1),
  );
  requireRole(ctx, 'viewer');
  const [row] = rows;
  if (!row) throw new NotFoundError('Account');
  return toAccount(row, ctx.now);
}
