import type { D1DatabaseSession, D1Result } from '@cloudflare/workers-types/index.ts';
import { and, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { BOOKMARK_HEADER } from '../../shared/api/index';
import { localeFromTag } from '../../shared/text';
import {
  actorOf,
  bearerTokenHash,
  findToken,
  lastUsedIsStale,
  type TokenRow,
  teamOfToken,
  tokenQuery,
  touchToken,
} from '../auth/authenticate';
import { clientKey, recordAuthFailure } from '../auth/rate-limit';
import { sha256Hex } from '../auth/tokens';
import { type Actor, makeDb } from '../context';
import { idempotencyKeys } from '../db/schema';
import {
  ConflictError,
  IdempotencyKeyReusedError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import type { AppEnv } from '../routes/app-env';

/**
 * Every API request reads and writes through one D1 session. The client sends the bookmark
 * of its last response in `X-D1-Bookmark`, so a read replica serving it has caught up with
 * its own writes; every response carries the session's latest bookmark back.
 */
export const d1Session = createMiddleware<AppEnv>(async (c, next) => {
  const requested = c.req.header(BOOKMARK_HEADER)?.trim();
  let session: D1DatabaseSession;
  try {
    session = c.env.DB.withSession(requested || 'first-unconstrained');
  } catch {
    // A malformed bookmark is no reason to refuse the request: start unconstrained.
    session = c.env.DB.withSession('first-unconstrained');
  }
  c.set('db', makeDb(session));
  c.set('d1', session);
  c.set('now', new Date().toISOString());
  c.set('locale', localeFromTag(c.req.header('Accept-Language')));
  await next();
  const bookmark = session.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, bookmark);
});

/**
 * Routes whose verb checks the token in the same D1 batch as its first read (`readForCaller` in
 * worker/auth/read-batch.ts), by method: the list, the lookup, one account and the changes feed;
 * PATCH, DELETE and transitions of one account (the token with the current row). Only a saving:
 * any other path is authenticated here first, which is always correct. A route added under a
 * matching path must build its context with `readCtxOf` and settle the token before it writes.
 */
const TOKEN_CHECKED_BY_VERB: Record<string, RegExp> = {
  GET: /^\/api\/v1\/(?:accounts(?:\/(?!export$)[^/]+)?|changes)$/,
  PATCH: /^\/api\/v1\/accounts\/[^/]+$/,
  DELETE: /^\/api\/v1\/accounts\/[^/]+$/,
  POST: /^\/api\/v1\/accounts\/[^/]+\/transitions$/,
};

/**
 * POST routes whose `idempotency` middleware checks the token in the batch that claims the key,
 * when the request sends one (the extension always does): a create and an import. Without a key
 * their verbs need the actor at once, so they are authenticated here first.
 */
const TOKEN_CHECKED_WITH_KEY = /^\/api\/v1\/accounts(?:\/import)?$/;

const tokenCheckedLater = (c: Context<AppEnv>): boolean =>
  (TOKEN_CHECKED_BY_VERB[c.req.method]?.test(c.req.path) ?? false) ||
  (c.req.method === 'POST' &&
    c.req.header('Idempotency-Key') !== undefined &&
    TOKEN_CHECKED_WITH_KEY.test(c.req.path));

/** Runs `work` after the response (a failed "last used" write must not fail the request). */
const inBackground = (c: Context<AppEnv>, work: Promise<unknown>): void => {
  const settled = work.catch((err: unknown) => console.error('background write failed', err));
  try {
    c.executionCtx.waitUntil(settled);
  } catch {
    // No execution context (the app called directly, as some tests do): it runs on its own.
  }
};

/**
 * The actor of a token row (or of `hash` on the primary when the row is missing), else the
 * failure: 401, or 429 with Retry-After once the client has failed too often.
 */
const decide = async (
  c: Context<AppEnv>,
  header: string | undefined,
  hash: string | null,
  row: TokenRow | null | undefined,
): Promise<Actor> => {
  // A token issued moments ago may not have reached the read replica that answered; the
  // primary decides before the request is refused (only failures pay for this).
  const found = row ?? (hash ? await findToken(makeDb(c.env.DB), hash) : null);
  if (!found) {
    if (header) {
      const r = await recordAuthFailure(c.env, clientKey(c.req.raw.headers), Date.now());
      if (r.limited) throw new RateLimitedError(r.retryAfterSeconds);
    }
    throw new UnauthorizedError();
  }
  if (lastUsedIsStale(found.lastUsedAt, c.var.now)) {
    // Off the response's path: the answer does not wait for a write to the primary.
    inBackground(c, touchToken(makeDb(c.env.DB), found.tokenId, c.var.now));
  }
  return actorOf(found);
};

/**
 * Bearer-token authentication. A presented but wrong token counts as a failure for the
 * client; past the limit the answer is 429 with Retry-After instead of 401. On the routes of
 * `TOKEN_CHECKED_BY_VERB` and `TOKEN_CHECKED_WITH_KEY` the check is left, as `pendingToken`, to
 * the first D1 batch of the verb (or of the idempotency middleware); if the route ends without
 * reaching it (a 400 on its query or body, say), the token is checked here afterwards and a bad
 * one still gets 401 / 429 rather than the route's answer.
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('Authorization');
  const hash = await bearerTokenHash(header);
  if (hash && tokenCheckedLater(c)) {
    let settled = false;
    c.set('pendingToken', {
      hash,
      settle: async (row) => {
        settled = true;
        // Checked once: whatever runs after this (the verb after a middleware that needed the
        // actor first) uses the actor instead of checking the token again.
        c.set('pendingToken', undefined);
        const actor = await decide(c, header, hash, row);
        c.set('actor', actor);
        return actor;
      },
    });
    await next();
    if (!settled) c.set('actor', await decide(c, header, hash, await findToken(c.var.db, hash)));
    return;
  }
  c.set('actor', await decide(c, header, hash, hash ? await findToken(c.var.db, hash) : null));
  await next();
});

export const JSON_LIMIT = 64 * 1024;
export const IMPORT_LIMIT = 1024 * 1024;

const mediaType = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Refuses a body of the wrong media type (415) or over `maxBytes` (413) before anything parses
 * it. `optional` lets a request without any body through (e.g. issuing a token).
 */
export const bodyGuard = (opts: { maxBytes: number; types: string[]; optional?: boolean }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const hasBody = c.req.raw.body !== null && c.req.header('Content-Length') !== '0';
    if (!hasBody && opts.optional) return next();
    if (!opts.types.includes(mediaType(c.req.header('Content-Type')))) {
      throw new UnsupportedMediaTypeError(opts.types);
    }
    return bodyLimit({
      maxSize: opts.maxBytes,
      onError: () => {
        throw new PayloadTooLargeError(opts.maxBytes);
      },
    })(c, next);
  });

export const jsonBody = (optional = false) =>
  bodyGuard({ maxBytes: JSON_LIMIT, types: ['application/json'], optional });

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const REPLAYED_HEADERS = ['ETag', 'Location'];

/**
 * `Idempotency-Key` on POST: the first successful response is stored and replayed for the same
 * key and body; the same key with another body answers 422; a retry while the first request
 * still runs answers 409. Keys are per team and forgotten after 24 hours. A token left for the
 * verb's batch (`pendingToken`) is checked in the claim's batch instead.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return next();
  if (key.length < 1 || key.length > 255) {
    throw new ValidationError([{ path: 'Idempotency-Key', message: 'must be 1-255 characters' }]);
  }
  const { db, now } = c.var;
  const body = await c.req.text();
  const requestHash = await sha256Hex(
    `${c.req.method} ${c.req.path}\n${mediaType(c.req.header('Content-Type'))}\n${body}`,
  );
  const expired = new Date(Date.parse(now) - IDEMPOTENCY_TTL_MS).toISOString();
  // Forget the team's expired keys (this one included, so it may be used afresh).
  const forgetExpired = (team: string | SQL) =>
    db
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.teamId, team), lt(idempotencyKeys.createdAt, expired)));
  // The claim: inserted only for a team (the subquery of an unknown token is NULL: nothing).
  const claimKey = (team: string | SQL) =>
    db
      .insert(idempotencyKeys)
      .select(
        sql`SELECT ${team}, ${key}, ${requestHash}, NULL, NULL, NULL, ${now} WHERE ${team} IS NOT NULL`,
      )
      .onConflictDoNothing();
  const pending = c.var.pendingToken;
  let actor: Actor;
  let claim: D1Result;
  if (pending) {
    // The token check and the claim in one round trip; the claim is scoped by the token's hash,
    // so a refused token claims nothing.
    const team = teamOfToken(pending.hash);
    const [tokenRows, , claimed] = await db.batch([
      tokenQuery(db, pending.hash),
      forgetExpired(team),
      claimKey(team),
    ]);
    const [row] = tokenRows;
    actor = await pending.settle(row);
    // No token row but an actor (the primary knows the token): a batch with writes runs on the
    // primary, so this is rare; claim for the actor's team unless the batch's claim was made.
    claim =
      row || claimed.meta.changes === 1
        ? claimed
        : (await db.batch([forgetExpired(actor.teamId), claimKey(actor.teamId)]))[1];
  } else {
    actor = c.var.actor;
    [, claim] = await db.batch([forgetExpired(actor.teamId), claimKey(actor.teamId)]);
  }
  const keyOf = and(eq(idempotencyKeys.teamId, actor.teamId), eq(idempotencyKeys.key, key));
  if (claim.meta.changes !== 1) {
    const [first] = await db.select().from(idempotencyKeys).where(keyOf).limit(1);
    if (!first) throw new ConflictError('The first request with this Idempotency-Key failed.');
    if (first.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if (first.status === null || first.body === null) {
      throw new ConflictError('A request with this Idempotency-Key is still running; retry soon.');
    }
    const saved: Record<string, string> = first.headers ? JSON.parse(first.headers) : {};
    return c.newResponse(first.body, first.status as 200, {
      ...saved,
      'Content-Type': 'application/json',
      'Idempotency-Replayed': 'true',
    });
  }
  await next();
  if (c.res.status >= 200 && c.res.status < 300) {
    const text = await c.res.clone().text();
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = c.res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    await db
      .update(idempotencyKeys)
      .set({ status: c.res.status, body: text, headers: JSON.stringify(headers) })
      .where(keyOf);
  } else {
    // Only successes are remembered: a refused request may be corrected and sent again.
    await db.delete(idempotencyKeys).where(keyOf);
  }
});
