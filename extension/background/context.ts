import type { TeamConnection } from '../storage';
import { type Api, createApi } from './api';

/** What the background's verbs need from the outside world; tests replace each part. */
export interface Deps {
  now(): Date;
  /** The API client for a connection. */
  api(conn: Pick<TeamConnection, 'apiUrl' | 'token'>, session: ApiSession): Api;
  /** A fresh id (Idempotency-Key, conflict id). */
  id(): string;
  /** Called after a record change was queued (the background then delivers the outbox). */
  onWrite?(): void;
}

/** The D1 bookmark carried from one response to the next request. */
export interface ApiSession {
  bookmark(): string | null;
  onBookmark(bookmark: string): void;
}

export const realDeps: Deps = {
  now: () => new Date(),
  api: (conn, session) =>
    createApi({
      apiUrl: conn.apiUrl,
      token: conn.token,
      bookmark: session.bookmark,
      onBookmark: session.onBookmark,
    }),
  id: () => crypto.randomUUID(),
};
