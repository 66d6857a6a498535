import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { PreconditionFailedError } from '../../errors';
import { commitAccountChange, loadAccount, parseIfMatch } from './record';

/**
 * DELETE /accounts/:id (admin+): a soft delete. The row stays as a tombstone for /changes and
 * the event trail keeps who deleted it. If-Match is optional here; when sent it must match.
 */
export async function deleteAccount({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; ifMatch: string | undefined };
}): Promise<void> {
  requireRole(ctx, 'admin');
  const expected = input.ifMatch === undefined ? undefined : parseIfMatch(input.ifMatch);
  const row = await loadAccount(ctx, input.id);
  if (expected !== undefined && row.version !== expected) {
    throw new PreconditionFailedError(row.version);
  }
  await commitAccountChange(
    ctx,
    row,
    row.version,
    { deletedAt: ctx.now },
    { type: 'deleted', before: { deleted: false }, after: { deleted: true } },
  );
}
