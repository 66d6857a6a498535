import type { Env } from '../env';

/** Failed authentications allowed per client per window before 429. */
export const AUTH_FAILURE_LIMIT = 20;
/** Must match the binding's `simple.period` in wrangler.toml (10 or 60). */
export const AUTH_WINDOW_SECONDS = 60;

/**
 * The client a failure is counted against: the connecting IP Cloudflare reports, or one fixed
 * key when there is none (local development), so the limiter still works there.
 */
export const clientKey = (headers: Headers): string => headers.get('CF-Connecting-IP') ?? 'local';

/**
 * Counts one failed authentication for `key` and says whether the client is now over the
 * limit. Production uses the Workers Rate Limiting binding; without it (local dev, tests that
 * drop it) a per-window counter in D1 does the same job.
 */
export const recordAuthFailure = async (
  env: Pick<Env, 'DB' | 'AUTH_RATE_LIMITER'>,
  key: string,
  nowMs: number,
): Promise<{ limited: boolean; retryAfterSeconds: number }> => {
  if (env.AUTH_RATE_LIMITER) {
    const { success } = await env.AUTH_RATE_LIMITER.limit({ key: `auth:${key}` });
    return { limited: !success, retryAfterSeconds: AUTH_WINDOW_SECONDS };
  }
  const nowSec = Math.floor(nowMs / 1000);
  const windowStart = nowSec - (nowSec % AUTH_WINDOW_SECONDS);
  const [, counted] = await env.DB.batch<{ count: number }>([
    env.DB.prepare('DELETE FROM auth_failures WHERE client_key = ? AND window_start < ?').bind(
      key,
      windowStart,
    ),
    env.DB.prepare(
      `INSERT INTO auth_failures (client_key, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (client_key, window_start) DO UPDATE SET count = count + 1
       RETURNING count`,
    ).bind(key, windowStart),
  ]);
  const count = counted?.results[0]?.count ?? 1;
  return {
    limited: count > AUTH_FAILURE_LIMIT,
    retryAfterSeconds: Math.max(1, windowStart + AUTH_WINDOW_SECONDS - nowSec),
  };
};
