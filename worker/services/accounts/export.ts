import type { ListAccountsQuery } from '../../../shared/api/accounts';
import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { csvLine } from '../../csv';
import { type Position, positionOf, selectAccountPage } from './list';
import { toAccount } from './record';

export const EXPORT_COLUMNS = [
  'id',
  'provider',
  'externalId',
  'label',
  'entityType',
  'status',
  'ownerMemberId',
  'submittedAt',
  'reviewEarliest',
  'reviewLatest',
  'overdue',
  'verifiedAt',
  'lockedUntil',
  'rejectedReason',
  'notes',
  'version',
  'createdAt',
  'updatedAt',
] as const;

const PAGE = 1000;

/**
 * GET /accounts/export (viewer+): the filtered list as CSV (UTF-8 with BOM so spreadsheet apps
 * read Chinese text, CRLF, RFC 4180 quoting, formula-like cells neutralised). Read page by page
 * with the same keyset as the list.
 */
export async function exportAccounts({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: Pick<ListAccountsQuery, 'provider' | 'status' | 'q' | 'overdue'>;
}): Promise<string> {
  requireRole(ctx, 'viewer');
  const lines = [csvLine([...EXPORT_COLUMNS])];
  let after: Position | undefined;
  for (;;) {
    const rows = await selectAccountPage(ctx, ctx.actor.teamId, input, after, PAGE);
    for (const row of rows) {
      const a = toAccount(row, ctx.now);
      lines.push(
        csvLine([
          a.id,
          a.provider,
          a.externalId,
          a.label,
          a.entityType,
          a.status,
          a.ownerMemberId,
          a.submittedAt,
          a.reviewWindow?.earliest ?? null,
          a.reviewWindow?.latest ?? null,
          a.overdue,
          a.verifiedAt,
          a.lockedUntil,
          a.rejectedReason,
          a.notes,
          a.version,
          a.createdAt,
          a.updatedAt,
        ]),
      );
    }
    const last = rows.at(-1);
    if (rows.length < PAGE || !last) break;
    after = positionOf(input, last);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
