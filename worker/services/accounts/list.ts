import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Account, ListAccountsQuery } from '../../../shared/api/accounts';
import { localDate } from '../../../shared/dates/index';
import { type ReadCtx, readForCaller } from '../../auth/read-batch';
import { requireRole } from '../../auth/roles';
import type { ServiceCtx } from '../../context';
import { accounts } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../cursor';
import { toAccount } from './record';

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

export type Position = { u: string; i: string };
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Position).u === 'string' &&
  typeof (v as Position).i === 'string';

/**
 * One page of the team's accounts, most recently updated first. Keyset pagination on
 * (updatedAt, id): a page costs the same at row 10 and row 100,000 (no OFFSET).
 */
export async function listAccounts({
  ctx: readCtx,
  input,
}: {
  ctx: ReadCtx;
  input: ListAccountsQuery;
}): Promise<{ items: Account[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50;
  const after = input.cursor ? decodeCursor(input.cursor, 'cursor', isPosition) : undefined;
  const { ctx, rows } = await readForCaller(readCtx, (team) =>
    selectAccountPage(readCtx, team, input, after, limit + 1),
  );
  requireRole(ctx, 'viewer');
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toAccount(r, ctx.now)),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ u: last.updatedAt, i: last.id }) : null,
  };
}

/**
 * Up to `limit` accounts matching the filter, most recently updated first, after `after` in
 * the (updatedAt, id) keyset: the one query the list and the export page with.
 */
export const selectAccountPage = (
  ctx: Pick<ServiceCtx, 'db' | 'now'>,
  team: string | SQL,
  filter: Filter,
  after: Position | undefined,
  limit: number,
) =>
  ctx.db
    .select()
    .from(accounts)
    .where(
      and(
        accountFilter(team, ctx.now, filter),
        after
          ? or(
              lt(accounts.updatedAt, after.u),
              and(eq(accounts.updatedAt, after.u), lt(accounts.id, after.i)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(accounts.updatedAt), desc(accounts.id))
    .limit(limit);
