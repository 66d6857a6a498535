import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Account } from '../../../shared/api/accounts';
import { isOverdue } from '../../../shared/dates/index';
import type { ProviderId } from '../../../shared/playbooks/schema';
import { findPii } from '../../../shared/privacy/pii';
import type { AccountState } from '../../../shared/rules/status-machine';
import { type ReadCtx, readForCaller } from '../../auth/read-batch';
import { type ServiceCtx, statement } from '../../context';
import { accounts, events } from '../../db/schema';
import {
  PiiDetectedError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ValidationError,
} from '../../errors';
import { isTeamMemberSql } from './owner';

export type AccountRow = typeof accounts.$inferSelect;
export type EventType = (typeof events.$inferInsert)['type'];

const parseChecklist = (text: string): Record<string, string> => {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
};

/** The stored row as the API shows it; `overdue` is computed from `now`, never stored. */
export const toAccount = (row: AccountRow, now: string): Account => {
  const reviewWindow =
    row.reviewEarliest && row.reviewLatest
      ? {
          earliest: row.reviewEarliest,
          latest: row.reviewLatest,
          estimate: row.reviewEstimate ?? false,
        }
      : null;
  return {
    id: row.id,
    provider: row.provider as ProviderId,
    externalId: row.externalId,
    label: row.label,
    entityType: row.entityType,
    status: row.status,
    ownerMemberId: row.ownerMemberId,
    submittedAt: row.submittedAt,
    reviewWindow,
    overdue: row.status === 'in_review' && reviewWindow !== null && isOverdue(reviewWindow, now),
    verifiedAt: row.verifiedAt,
    rejectedReason: row.rejectedReason,
    lockedUntil: row.lockedUntil,
    checklist: parseChecklist(row.checklist),
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
};

/** The status machine's view of a stored account. */
export const toState = (row: AccountRow): AccountState => ({
  status: row.status,
  entityType: row.entityType,
  submittedAt: row.submittedAt,
  reviewWindow:
    row.reviewEarliest && row.reviewLatest
      ? {
          earliest: row.reviewEarliest,
          latest: row.reviewLatest,
          estimate: row.reviewEstimate ?? false,
        }
      : null,
  verifiedAt: row.verifiedAt,
  lockedUntil: row.lockedUntil,
  rejectedReason: row.rejectedReason,
});

/**
 * The caller's actor and the current row of the account a write is about, in one D1 round trip
 * (the token checked in the same batch, worker/auth/read-batch.ts). `row` is undefined when the
 * team has no such live account: the verb answers 404 after its own role and If-Match checks,
 * so a refusal says the same as before. With `ownerMemberId`, the same read also says whether
 * that member is in the caller's team (`ownerInTeam`; meaningful only with a row).
 */
export const loadAccountFor = async (
  readCtx: ReadCtx,
  id: string,
  ownerMemberId?: string | null,
): Promise<{ ctx: ServiceCtx; row: AccountRow | undefined; ownerInTeam: boolean }> => {
  const { ctx, rows } = await readForCaller(readCtx, (team) =>
    readCtx.db
      .select({
        ...accountFields,
        // Named: in a D1 batch drizzle maps the row's columns by name.
        ownerInTeam: (ownerMemberId != null
          ? isTeamMemberSql(ownerMemberId, team)
          : sql<number>`0`
        ).as('owner_in_team'),
      })
      .from(accounts)
      .where(and(eq(accounts.id, id), eq(accounts.teamId, team), isNull(accounts.deletedAt)))
      .limit(1),
  );
  const [found] = rows;
  if (!found) return { ctx, row: undefined, ownerInTeam: false };
  const { ownerInTeam, ...row } = found;
  return { ctx, row, ownerInTeam: Boolean(ownerInTeam) };
};

const accountFields = getTableColumns(accounts);
const accountColumns = Object.entries(accountFields);

/**
 * An accounts row as D1 returns it for `RETURNING` in a raw batch (column names, driver
 * values) -> the row drizzle would have read, so a write needs no second read of its result.
 */
export const accountRowOf = (raw: Record<string, unknown>): AccountRow =>
  Object.fromEntries(
    accountColumns.map(([key, column]) => {
      const value = raw[column.name];
      return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
    }),
  ) as AccountRow;

/** `If-Match: "3"` (also W/"3" or 3) -> 3; missing -> 428; unreadable -> 400. */
export const parseIfMatch = (header: string | undefined): number => {
  if (header === undefined || header.trim() === '') throw new PreconditionRequiredError();
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m?.[1]) {
    throw new ValidationError([{ path: 'If-Match', message: 'expected "<version>", e.g. "3"' }]);
  }
  return Number(m[1]);
};

/** Refuses (422, nothing stored) when a free-text field holds a document or card number. */
export const refusePii = (fields: Record<string, string | null | undefined>): void => {
  const found: { path: string; kind: string }[] = [];
  for (const [path, text] of Object.entries(fields)) {
    if (!text) continue;
    for (const f of findPii(text)) found.push({ path, kind: f.kind });
  }
  if (found.length > 0) throw new PiiDetectedError(found);
};

/** The next /changes sequence number, evaluated inside the write batch (D1 serialises them). */
export const nextSeq = sql`(SELECT COALESCE(MAX(${events.id}), 0) + 1 FROM ${events})`;

/** The fields of `after` that differ from `before`, as the event's before/after pair. */
export const diff = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null => {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
};

/**
 * Writes a change to one account and its audit event atomically: the UPDATE only applies when
 * the version still matches (optimistic concurrency), bumps the version and stamps the next
 * sequence number; the event row is inserted with that number as its id, and only if the
 * UPDATE changed a row. Returns the new row (the UPDATE's RETURNING: no read after the write),
 * or throws 412 when someone else won the race.
 */
export const commitAccountChange = async (
  ctx: ServiceCtx,
  row: AccountRow,
  expectedVersion: number,
  set: Partial<AccountRow>,
  event: { type: EventType; before: unknown; after: unknown },
): Promise<AccountRow> => {
  const update = ctx.db
    .update(accounts)
    .set({
      ...set,
      version: sql`${accounts.version} + 1`,
      updatedAt: ctx.now,
      changeSeq: nextSeq,
    })
    .where(
      and(
        eq(accounts.id, row.id),
        eq(accounts.teamId, ctx.actor.teamId),
        eq(accounts.version, expectedVersion),
        isNull(accounts.deletedAt),
      ),
    )
    .returning();
  const record = sql`
    INSERT INTO events (id, team_id, account_id, actor_member_id, type, at, before, after)
    SELECT change_seq, team_id, id, ${ctx.actor.memberId}, ${event.type}, ${ctx.now},
           ${json(event.before)}, ${json(event.after)}
    FROM accounts WHERE id = ${row.id} AND changes() = 1`;
  const [updated] = await ctx.d1.batch<Record<string, unknown>>([
    statement(ctx.d1, update),
    statement(ctx.d1, record),
  ]);
  const [next] = updated?.results ?? [];
  if (updated?.meta.changes !== 1 || !next) throw new PreconditionFailedError();
  return accountRowOf(next);
};

export const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** Every step id of the provider's playbook (checklist keys must be one of these). */
export const stepIds = (flows: { steps: { id: string }[] }[]): Set<string> =>
  new Set(flows.flatMap((f) => f.steps.map((s) => s.id)));
