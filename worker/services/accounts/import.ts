import { sql } from 'drizzle-orm';
import {
  type Account,
  type CreateAccount,
  CreateAccountSchema,
  type ImportResult,
  MAX_IMPORT_ROWS,
} from '../../../shared/api/accounts';
import { findPii } from '../../../shared/privacy/pii';
import { requireRole } from '../../auth/roles';
import { type ServiceCtx, statement } from '../../context';
import { parseCsv } from '../../csv';
import { accounts } from '../../db/schema';
import { ConflictError, ValidationError, zodIssues } from '../../errors';
import { eventSnapshot, isUniqueViolation } from './create';
import { type AccountRow, toAccount } from './record';

/** CSV header names the import understands (case and `_`/space insensitive). */
const COLUMNS: Record<string, string> = {
  provider: 'provider',
  externalid: 'externalId',
  label: 'label',
  entitytype: 'entityType',
  ownermemberid: 'ownerMemberId',
  notes: 'notes',
};
/** Columns an export has that an import ignores, so an exported file imports as is. */
const READ_ONLY = new Set(
  [
    'id',
    'status',
    'submittedAt',
    'reviewEarliest',
    'reviewLatest',
    'overdue',
    'verifiedAt',
    'rejectedReason',
    'lockedUntil',
    'version',
    'createdAt',
    'updatedAt',
  ].map((c) => c.toLowerCase()),
);
const normaliseHeader = (h: string): string =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');

type Row = { row: number; value: unknown };
type Err = ImportResult['errors'][number];

/** CSV text -> row objects keyed by API field names, or a 400 for a broken file. */
const rowsFromCsv = (text: string): Row[] => {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    throw new ValidationError(
      [{ path: `row ${parsed.row}`, message: parsed.message }],
      'The CSV file cannot be read.',
    );
  }
  const [header, ...records] = parsed.records;
  if (!header) throw new ValidationError([{ path: 'header', message: 'the file is empty' }]);
  const fields = header.cells.map((h) => {
    const n = normaliseHeader(h);
    if (COLUMNS[n]) return COLUMNS[n];
    if (READ_ONLY.has(n)) return null;
    throw new ValidationError([{ path: `header.${h}`, message: 'unknown column' }]);
  });
  for (const required of ['provider', 'externalId']) {
    if (!fields.includes(required)) {
      throw new ValidationError([{ path: `header.${required}`, message: 'column missing' }]);
    }
  }
  return records.map((r) => {
    if (r.cells.length !== fields.length) {
      return { row: r.row, value: { __cells: r.cells.length, __expected: fields.length } };
    }
    const obj: Record<string, string> = {};
    fields.forEach((f, i) => {
      const cell = r.cells[i] ?? '';
      if (f && cell !== '') obj[f] = cell;
    });
    return { row: r.row, value: obj };
  });
};

/**
 * POST /accounts/import (editor+): CSV (header row) or JSON `{rows}` of up to 1,000 accounts.
 * Each row is checked like POST /accounts; refused rows are reported with their row number
 * and the rest are created together in one batch (all or nothing).
 */
export async function importAccounts({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { csv: string } | { rows: unknown[] };
}): Promise<ImportResult> {
  requireRole(ctx, 'editor');
  const rows: Row[] =
    'csv' in input ? rowsFromCsv(input.csv) : input.rows.map((value, i) => ({ row: i + 1, value }));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationError([
      { path: 'rows', message: `at most ${MAX_IMPORT_ROWS} rows per import (got ${rows.length})` },
    ]);
  }

  const errors: Err[] = [];
  const valid: { row: number; data: CreateAccount }[] = [];
  const seen = new Set<string>();
  for (const { row, value } of rows) {
    if (value && typeof value === 'object' && '__cells' in value) {
      errors.push({
        row,
        code: 'validation_failed',
        message: `expected ${(value as unknown as { __expected: number }).__expected} cells`,
      });
      continue;
    }
    const parsed = CreateAccountSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of zodIssues(parsed.error)) {
        errors.push({ row, code: 'validation_failed', message: issue.message, path: issue.path });
      }
      continue;
    }
    const pii = (['label', 'notes'] as const).find((f) => findPii(parsed.data[f] ?? '').length);
    if (pii) {
      errors.push({
        row,
        code: 'pii_detected',
        path: pii,
        message: 'looks like a document or bank card number; not stored',
      });
      continue;
    }
    const key = `${parsed.data.provider}\u001f${parsed.data.externalId}`;
    if (seen.has(key)) {
      errors.push({ row, code: 'conflict', message: 'repeats an earlier row of this import' });
      continue;
    }
    seen.add(key);
    valid.push({ row, data: parsed.data });
  }

  // Owners must be members of the team; accounts must not exist yet. One query each.
  const owners = [...new Set(valid.map((v) => v.data.ownerMemberId).filter((x) => x))];
  const knownOwners = new Set(
    owners.length === 0
      ? []
      : (
          await ctx.db.all<{ id: string }>(
            sql`SELECT id FROM members WHERE team_id = ${ctx.actor.teamId} AND id IN (SELECT value FROM json_each(${JSON.stringify(owners)}))`,
          )
        ).map((r) => r.id),
  );
  const pairs = valid.map((v) => ({ p: v.data.provider, e: v.data.externalId }));
  const existing = new Set(
    pairs.length === 0
      ? []
      : (
          await ctx.db.all<{ k: string }>(sql`
            SELECT a.provider || char(31) || a.external_id AS k
            FROM json_each(${JSON.stringify(pairs)}) j
            -- CROSS JOIN pins json_each as the outer loop: D1 has no ANALYZE statistics, and
            -- a plain JOIN let SQLite walk every account of the team once per imported row.
            CROSS JOIN accounts a ON a.team_id = ${ctx.actor.teamId}
              AND a.provider = json_extract(j.value, '$.p')
              AND a.external_id = json_extract(j.value, '$.e')
              AND a.deleted_at IS NULL`)
        ).map((r) => r.k),
  );

  const toCreate: { id: string; row: AccountRow }[] = [];
  for (const { row, data } of valid) {
    if (data.ownerMemberId && !knownOwners.has(data.ownerMemberId)) {
      errors.push({
        row,
        code: 'validation_failed',
        path: 'ownerMemberId',
        message: 'no member of your team has this id',
      });
      continue;
    }
    if (existing.has(`${data.provider}\u001f${data.externalId}`)) {
      errors.push({ row, code: 'conflict', message: 'this account already exists in your team' });
      continue;
    }
    const id = crypto.randomUUID();
    toCreate.push({
      id,
      row: {
        id,
        teamId: ctx.actor.teamId,
        provider: data.provider,
        externalId: data.externalId,
        label: data.label ?? null,
        entityType: data.entityType ?? 'unknown',
        status: 'unverified',
        ownerMemberId: data.ownerMemberId ?? null,
        submittedAt: null,
        reviewEarliest: null,
        reviewLatest: null,
        reviewEstimate: null,
        verifiedAt: null,
        rejectedReason: null,
        lockedUntil: null,
        checklist: '{}',
        notes: data.notes ?? null,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        deletedAt: null,
        changeSeq: 0,
      },
    });
  }
  errors.sort((a, b) => a.row - b.row);

  let created: Account[] = [];
  if (toCreate.length > 0) {
    // The whole import travels as one JSON parameter (D1 allows 100 bound parameters per
    // statement), and two statements create the accounts and their events in one batch.
    const payload = JSON.stringify(
      toCreate.map(({ row }) => ({ ...row, after: eventSnapshot(toAccount(row, ctx.now)) })),
    );
    const field = (name: string) => sql.raw(`json_extract(value, '$.${name}')`);
    try {
      const [inserted] = await ctx.d1.batch([
        statement(
          ctx.d1,
          sql`
          INSERT INTO ${accounts} (id, team_id, provider, external_id, label, entity_type, status,
            owner_member_id, checklist, notes, version, created_at, updated_at, change_seq)
          SELECT ${field('id')}, ${ctx.actor.teamId}, ${field('provider')}, ${field('externalId')},
            ${field('label')}, ${field('entityType')}, 'unverified', ${field('ownerMemberId')},
            '{}', ${field('notes')}, 1, ${ctx.now}, ${ctx.now},
            (SELECT COALESCE(MAX(id), 0) FROM events) + key + 1
          FROM json_each(${payload})
          RETURNING id`,
        ),
        statement(
          ctx.d1,
          sql`
          INSERT INTO events (id, team_id, account_id, actor_member_id, type, at, before, after)
          SELECT a.change_seq, a.team_id, a.id, ${ctx.actor.memberId}, 'imported', ${ctx.now},
            NULL, json_extract(j.value, '$.after')
          FROM json_each(${payload}) j CROSS JOIN accounts a ON a.id = json_extract(j.value, '$.id')`,
        ),
      ]);
      if (inserted?.results.length !== toCreate.length)
        throw new Error('import inserted fewer rows');
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError(
          'An account of this import was created meanwhile; nothing was imported, send it again.',
        );
      }
      throw err;
    }
    created = toCreate.map(({ row }) => toAccount(row, ctx.now));
  }
  return { created: created.length, items: created, errors };
}
