import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Account, ListAccountsQuery } from '../../../shared/api/accounts';
import { localDate } from '../../../shared/dates/index';
import { type ReadCtx, readForCaller } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { accounts } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../cursor';
import { type AccountRow, toAccount } from './record';

type Filter = Pick<ListAccountsQuery, 'provider' | 'status' | 'q' | 'overdue'>;

/** SQL for "in review and past the last day of its window" in the provider's time zone. */
const overdueSql = (now: string): SQL =>
  sql`(${accounts.status} = 'in_review' AND ${accounts.reviewLatest} IS NOT NULL AND ${accounts.reviewLatest} < ${localDate(now)})`;

/**
 * The WHERE of the list and the export: always the caller's team (its id, or the subquery of a
 * token checked in the same batch), never deleted rows.
 */
export const accountFilter = (team: string | SQL, now: string, f: Filter): SQL => {
  const conds: (SQL | undefined)[] = [
    eq(accounts.teamId, team),
    isNull(accounts.deletedAt),
    f.provider ? eq(accounts.provider, f.provider) : undefined,
    f.status ? eq(accounts.status, f.status) : undefined,
  ];
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conds.push(
      sql`(${accounts.label} LIKE ${pattern} ESCAPE '\\' OR ${accounts.externalId} LIKE ${pattern} ESCAPE '\\' OR ${accounts.notes} LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (f.overdue === true) conds.push(overdueSql(now));
  if (f.overdue === false) conds.push(sql`NOT ${overdueSql(now)}`);
  return and(...conds) as SQL;
};

/**
 * Where a page ended: (updatedAt, id) in the list's usual order, (reviewLatest, id) in the
 * overdue view, which is ordered most overdue first (see `pageOrder`).
 */
export type Position = { u: string; i: string } | { r: string; i: string };

const isPositionFor =
  (filter: Filter) =>
  (v: unknown): v is Position => {
    if (typeof v !== 'object' || v === null) return false;
    const p = v as Record<string, unknown>;
    const key = isOverdueView(filter) ? 'r' : 'u';
    return typeof p[key] === 'string' && typeof p.i === 'string';
  };

/**
 * The overdue view (`overdue=true`) is ordered by the last day of the review window, oldest
 * first, then id: the index on (team, status, review_latest, id) serves both the filter and the
 * order, so a page reads its 50 rows whatever the number of overdue accounts. In updated-at
 * order it had to read and sort every overdue account of the team for each page.
 */
const isOverdueView = (filter: Filter): boolean => filter.overdue === true;

/** The cursor position of `row` in the filter's order. */
export const positionOf = (filter: Filter, row: AccountRow): Position =>
  isOverdueView(filter)
    ? // Never null here: the overdue filter requires a review window.
      { r: row.reviewLatest ?? '', i: row.id }
    : { u: row.updatedAt, i: row.id };

/**
 * The filter's order and the keyset condition after `after`, as row-value comparisons: SQLite
 * seeks straight to (value, id) in the index instead of walking every row sharing the value.
 */
const pageOrder = (filter: Filter, after: Position | undefined) => {
  if (isOverdueView(filter)) {
    return {
      after:
        after && 'r' in after
          ? sql`(${accounts.reviewLatest}, ${accounts.id}) > (${after.r}, ${after.i})`
          : undefined,
      orderBy: [asc(accounts.reviewLatest), asc(accounts.id)],
    };
  }
  return {
    after:
      after && 'u' in after
        ? sql`(${accounts.updatedAt}, ${accounts.id}) < (${after.u}, ${after.i})`
        : undefined,
    orderBy: [desc(accounts.updatedAt), desc(accounts.id)],
  };
};

/**
 * One page of the team's accounts, most recently updated first (the overdue view: most
 * overdue first). Keyset pagination: a page costs the same at row 10 and row 100,000 (no
 * OFFSET).
 */
export async function listAccounts({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: ListAccountsQuery;
}): Promise<{ items: Account[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const after = input.cursor
    ? decodeCursor(input.cursor, 'cursor', isPositionFor(input))
    : undefined;
  const { ctx, rows } = await readForCaller(readCtx, (team) =>
    selectAccountPage(readCtx, team, input, after, limit + 1),
  );
  requireRole(ctx, 'viewer');
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toAccount(r, ctx.now)),
    nextCursor: rows.length > limit && last ? encodeCursor(positionOf(input, last)) : null,
  };
}

/**
 * Up to `limit` accounts matching the filter, in the filter's order, after `after`: the one
 * query the list and the export page with.
 */
export const selectAccountPage = (
  ctx: Pick<ServiceCtx, 'db' | 'now'>,
  team: string | SQL,
  filter: Filter,
  after: Position | undefined,
  limit: number,
) => {
  const order = pageOrder(filter, after);
  return ctx.db
    .select()
    .from(accounts)
    .where(and(accountFilter(team, ctx.now, filter), order.after))
    .orderBy(...order.orderBy)
    .limit(limit);
};
