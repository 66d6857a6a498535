import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/**
 * The team API's data, the single source of truth: drizzle-kit generates the SQL migrations
 * in ./migrations from this file (`npm run db:generate`), wrangler applies them, and the
 * worker tests apply the same files. Instants are ISO 8601 UTC strings, local dates
 * 'YYYY-MM-DD' (they sort as text, which the indexes rely on).
 */

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
});

export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('members_team_email').on(t.teamId, t.email)],
);

/** API tokens: only the SHA-256 of the token is kept; the token itself is shown once. */
export const tokens = sqliteTable(
  'tokens',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    hash: text('hash').notNull(),
    name: text('name'),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('tokens_hash').on(t.hash), index('tokens_member').on(t.memberId)],
);

export const ENTITY_TYPES_STORED = ['individual', 'enterprise', 'unknown'] as const;
export const STATUSES_STORED = [
  'unverified',
  'in_progress',
  'in_review',
  'verified',
  'rejected',
] as const;

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    provider: text('provider').notNull(),
    externalId: text('external_id').notNull(),
    label: text('label'),
    entityType: text('entity_type', { enum: ENTITY_TYPES_STORED }).notNull(),
    status: text('status', { enum: STATUSES_STORED }).notNull(),
    ownerMemberId: text('owner_member_id').references(() => members.id),
    submittedAt: text('submitted_at'),
    reviewEarliest: text('review_earliest'),
    reviewLatest: text('review_latest'),
    reviewEstimate: integer('review_estimate', { mode: 'boolean' }),
    verifiedAt: text('verified_at'),
    rejectedReason: text('rejected_reason'),
    lockedUntil: text('locked_until'),
    /** JSON object {stepId: doneAt}. */
    checklist: text('checklist').notNull().default('{}'),
    notes: text('notes'),
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Soft delete: the row stays as a tombstone for /changes. */
    deletedAt: text('deleted_at'),
    /** Id of the event that last changed this row; /changes pages by it. */
    changeSeq: integer('change_seq').notNull(),
  },
  (t) => [
    // A deleted account frees its (provider, externalId) for a new record.
    uniqueIndex('accounts_team_provider_external')
      .on(t.teamId, t.provider, t.externalId)
      .where(sql`deleted_at IS NULL`),
    index('accounts_team_updated').on(t.teamId, t.updatedAt, t.id),
    index('accounts_team_status_updated').on(t.teamId, t.status, t.updatedAt, t.id),
    index('accounts_team_provider_updated').on(t.teamId, t.provider, t.updatedAt, t.id),
    index('accounts_team_change').on(t.teamId, t.changeSeq),
    // The overdue view (in review, window ended), ordered most overdue first: the index serves
    // the filter, the order and the (review_latest, id) keyset, so a page reads only its own
    // rows at any team size (before, every overdue row of the team was read and sorted per
    // page). Partial: tombstones are never listed.
    index('accounts_team_status_review')
      .on(t.teamId, t.status, t.reviewLatest, t.id)
      .where(sql`deleted_at IS NULL`),
  ],
);

export const EVENT_TYPES = ['created', 'updated', 'transitioned', 'deleted', 'imported'] as const;

/** Append-only audit trail; its AUTOINCREMENT id is also the /changes sequence. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: text('team_id').notNull(),
    accountId: text('account_id').notNull(),
    actorMemberId: text('actor_member_id').notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    at: text('at').notNull(),
    /** JSON of the changed fields before and after (null on create / delete side). */
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('events_account').on(t.accountId, t.id)],
);

/** First responses of POST requests sent with an Idempotency-Key, replayed on retries. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    teamId: text('team_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** null while the first request is still running. */
    status: integer('status'),
    body: text('body'),
    /** JSON of the first response's ETag / Location headers, replayed with the body. */
    headers: text('headers'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.key] }),
    // Expired keys are swept per team on every keyed request.
    index('idempotency_team_created').on(t.teamId, t.createdAt),
  ],
);

/** Local fallback of the failed-authentication limiter when no rate-limit binding exists. */
export const authFailures = sqliteTable(
  'auth_failures',
  {
    clientKey: text('client_key').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientKey, t.windowStart] })],
);
