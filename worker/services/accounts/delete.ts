import type { ReadCtx } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import { NotFoundError, PreconditionFailedError } from '../../errors';
import { commitAccountChange, loadAccountFor, parseIfMatch } from './record';

/**
 * DELETE /accounts/:id (admin+): a soft delete. The row stays as a tombstone for /changes and
 * the event trail keeps who deleted it. If-Match is optional here; when sent it must match.
 */
export async function deleteAccount({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: { id: string; ifMatch: string | undefined };
}): Promise<void> {
  // The token and the current row in one round trip; nothing is written before the checks below.
  const { ctx, row } = await loadAccountFor(readCtx, input.id);
  requireRole(ctx, 'admin');
  const expected = input.ifMatch === undefined ? undefined : parseIfMatch(input.ifMatch);
  if (!row) throw new NotFoundError('Account');
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
