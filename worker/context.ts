import type {
  D1Database,
  D1DatabaseSession,
  D1PreparedStatement,
} from '@cloudflare/workers-types/index.ts';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Role } from '../shared/api/members';
import type { Locale } from '../shared/text';
import type { PendingToken } from './auth/read-batch';

export type Db = ReturnType<typeof makeDb>;

/**
 * drizzle's D1 driver only calls `prepare` and `batch`, which a D1 session has too, so the
 * session (read replicas + bookmarks) is handed to it in place of the database.
 */
export const makeDb = (session: D1DatabaseSession | D1Database) => drizzle(session as D1Database);

const dialect = new SQLiteAsyncDialect();

/**
 * A D1 statement from a drizzle query or `sql` template. Atomic multi-statement writes go
 * straight to `d1.batch` with these: drizzle's own batch cannot carry raw `sql` statements.
 */
export const statement = (
  d1: D1DatabaseSession | D1Database,
  query: SQL | { toSQL(): { sql: string; params: unknown[] } },
): D1PreparedStatement => {
  const q = 'toSQL' in query ? query.toSQL() : dialect.sqlToQuery(query);
  return d1.prepare(q.sql).bind(...q.params);
};

/** Who is calling: resolved from the bearer token. */
export interface Actor {
  memberId: string;
  teamId: string;
  role: Role;
  name: string;
  email: string;
  tokenId: string;
}

/** What every service verb gets besides its input. */
export interface ServiceCtx {
  db: Db;
  /** The same D1 session, for batches of raw statements. */
  d1: D1DatabaseSession;
  actor: Actor;
  locale: Locale;
  /** The request's time (ISO 8601 UTC), one value per request. */
  now: string;
}

/** Hono variables set by the middleware chain. */
export interface AppVars {
  db: Db;
  d1: D1DatabaseSession;
  /** Unset on a read route until its batch has checked `pendingToken` (worker/auth/read-batch.ts). */
  actor: Actor;
  /** The token of a read route that checks it in its own D1 batch. */
  pendingToken?: PendingToken;
  locale: Locale;
  now: string;
}
