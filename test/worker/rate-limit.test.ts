import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  AUTH_FAILURE_LIMIT,
  AUTH_WINDOW_SECONDS,
  recordAuthFailure,
} from '../../worker/auth/rate-limit';
import { call, errorOf, seedTeam } from './support/api';

const WRONG = `vg_${'A'.repeat(43)}`;

describe('failed authentication is rate limited per client', () => {
  it('answers 429 with Retry-After once a client has failed too often (rate-limit binding)', async () => {
    const headers = { 'CF-Connecting-IP': '203.0.113.7' };
    let last: Response | undefined;
    for (let i = 0; i <= AUTH_FAILURE_LIMIT + 1; i++) {
      last = await call('/me', { token: WRONG, headers });
      if (last.status === 429) break;
      expect(last.status).toBe(401);
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await errorOf(last as Response)).code).toBe('rate_limited');
    // Another client is not affected.
    const team = await seedTeam('Rate team');
    const other = await call('/me', {
      token: team.viewer.token,
      headers: { 'CF-Connecting-IP': '198.51.100.1' },
    });
    expect(other.status).toBe(200);
  });

  it('has a working D1 fallback when the binding is absent', async () => {
    const noBinding = { DB: env.DB };
    const t0 = Date.UTC(2026, 10, 21, 12, 0, 10);
    for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
      expect((await recordAuthFailure(noBinding, 'client-a', t0)).limited).toBe(false);
    }
    const over = await recordAuthFailure(noBinding, 'client-a', t0);
    expect(over.limited).toBe(true);
    expect(over.retryAfterSeconds).toBe(AUTH_WINDOW_SECONDS - 10);
    expect((await recordAuthFailure(noBinding, 'client-b', t0)).limited).toBe(false);
    // The next window starts afresh.
    const later = t0 + AUTH_WINDOW_SECONDS * 1000;
    expect((await recordAuthFailure(noBinding, 'client-a', later)).limited).toBe(false);
  });
});
