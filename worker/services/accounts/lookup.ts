import { and, eq, isNull } from 'drizzle-orm';
import type { Account } from '../../../shared/api/accounts';
import type { ProviderId } from '../../../shared/playbooks/schema';
import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { accounts } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { toAccount } from './record';

/** GET /accounts/lookup?provider&externalId (viewer+): the overlay's "which record is this page". */
export async function lookupAccount({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { provider: ProviderId; externalId: string };
}): Promise<Account> {
  requireRole(ctx, 'viewer');
  const [row] = await ctx.db
    .select()
    .from(accounts)
    .where(
      and(
        eq(accounts.teamId, ctx.actor.teamId),
        eq(accounts.provider, input.provider),
        eq(accounts.externalId, input.externalId),
        isNull(accounts.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError('Account');
  return toAccount(row, ctx.now);
}
