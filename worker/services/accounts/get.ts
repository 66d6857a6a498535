import type { Account } from '../../../shared/api/accounts';
import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { loadAccount, toAccount } from './record';

/** GET /accounts/:id (viewer+). */
export async function getAccount({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string };
}): Promise<Account> {
  requireRole(ctx, 'viewer');
  return toAccount(await loadAccount(ctx, input.id), ctx.now);
}
