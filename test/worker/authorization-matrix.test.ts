import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { call, createAccount, seedMember, seedTeam, type Team } from './support/api';

/**
 * Every route the app registers, read from the app itself: a new route lands in this matrix
 * automatically and fails it until it has a sample body (for writes) and passes every check.
 */
const ROUTES = [
  ...new Map(
    app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
];

/** Open to anyone; everything else needs a token. */
const PUBLIC = new Set(['GET /healthz', 'GET /api/v1/openapi.json']);

/** Reads limited to admins or the member themself (the matrix uses the owner's id). */
const ADMIN_OR_SELF_READS = new Set(['GET /api/v1/members/:id/tokens']);

/** A valid request body per write route, so the checks below fail for the right reason. */
const SAMPLE_BODIES: Record<string, { body?: unknown; raw?: string; type?: string }> = {
  'POST /api/v1/accounts': { body: { provider: 'commsease', externalId: 'matrix-new' } },
  'POST /api/v1/accounts/import': {
    raw: 'provider,externalId\ncommsease,matrix-import\n',
    type: 'text/csv',
  },
  'PATCH /api/v1/accounts/:id': { body: { label: 'matrix' } },
  'POST /api/v1/accounts/:id/transitions': { body: { to: 'in_progress' } },
  'DELETE /api/v1/accounts/:id': {},
  'POST /api/v1/members': { body: { name: 'New', email: 'matrix@example.com', role: 'viewer' } },
  'PATCH /api/v1/members/:id': { body: { name: 'Renamed' } },
  'POST /api/v1/members/:id/tokens': { body: { name: 'matrix' } },
  'DELETE /api/v1/tokens/:id': {},
};

let team: Team;
let other: Team;
let accountId: string;
let externalId: string;
let ownerTokenId: string;
let revoked: string;

beforeAll(async () => {
  team = await seedTeam('Matrix team');
  other = await seedTeam('Other team');
  const account = await createAccount(team.editor.token);
  accountId = account.id;
  externalId = account.externalId;
  // A spare token of this team's owner for DELETE /tokens/:id (never actually revoked here).
  ownerTokenId = (await seedMember(team.id, 'owner', 'second-owner')).tokenId;
  const gone = await seedMember(team.id, 'owner', 'revoked-owner');
  await env.DB.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?')
    .bind(new Date().toISOString(), gone.tokenId)
    .run();
  revoked = gone.token;
});

/** Required query strings of read routes. */
const sampleQuery = (key: string): string =>
  key === 'GET /api/v1/accounts/lookup' ? `?provider=commsease&externalId=${externalId}` : '';

/** The route's path with this team's ids in it. */
const concrete = (path: string): string =>
  path
    .replace('/accounts/:id', `/accounts/${accountId}`)
    .replace('/members/:id', `/members/${team.owner.memberId}`)
    .replace('/tokens/:id', `/tokens/${ownerTokenId}`);

let ip = 0;
const send = (route: { method: string; path: string }, token?: string) => {
  const sample = SAMPLE_BODIES[`${route.method} ${route.path}`] ?? {};
  const headers: Record<string, string> = {
    'If-Match': '"1"',
    // A fresh client address per request keeps the failed-auth limiter out of this test.
    'CF-Connecting-IP': `10.9.${Math.floor(ip / 250)}.${(ip++ % 250) + 1}`,
  };
  if (sample.type) headers['Content-Type'] = sample.type;
  const url = `http://api.test${concrete(route.path)}${sampleQuery(`${route.method} ${route.path}`)}`;
  return call(url, {
    method: route.method,
    token,
    headers,
    ...(sample.raw !== undefined ? { raw: sample.raw } : {}),
    ...(sample.body !== undefined ? { body: sample.body } : {}),
  });
};

const isWrite = (method: string) => method !== 'GET';
const guarded = ROUTES.filter((r) => !PUBLIC.has(`${r.method} ${r.path}`));

describe('authorization matrix over every route of the app', () => {
  it('knows the routes (sanity: the enumeration finds the API)', () => {
    expect(guarded.length).toBeGreaterThanOrEqual(16);
    for (const r of guarded) expect(r.path.startsWith('/api/v1/')).toBe(true);
  });

  it('has a sample body for every write route', () => {
    const missing = guarded
      .filter((r) => isWrite(r.method))
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !(k in SAMPLE_BODIES));
    expect(missing).toEqual([]);
  });

  it.each(guarded.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: no token -> 401, revoked token -> 401',
    async (_name, route) => {
      const none = await send(route);
      expect(none.status).toBe(401);
      expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      expect((await send(route, revoked)).status).toBe(401);
    },
  );

  it.each(
    guarded.filter((r) => r.path.includes(':id')).map((r) => [`${r.method} ${r.path}`, r] as const),
  )("%s: another team's token on this team's ids -> 404", async (_name, route) => {
    const res = await send(route, other.owner.token);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it.each(
    guarded
      .filter((r) => isWrite(r.method) || ADMIN_OR_SELF_READS.has(`${r.method} ${r.path}`))
      .map((r) => [`${r.method} ${r.path}`, r] as const),
  )('%s: viewer -> 403', async (_name, route) => {
    const res = await send(route, team.viewer.token);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it.each(
    guarded
      .filter((r) => !isWrite(r.method) && !ADMIN_OR_SELF_READS.has(`${r.method} ${r.path}`))
      .map((r) => [`${r.method} ${r.path}`, r] as const),
  )('%s: viewer may read', async (_name, route) => {
    expect((await send(route, team.viewer.token)).status).toBe(200);
  });

  it('left the team untouched: no refused request wrote anything', async () => {
    const row = await env.DB.prepare('SELECT version, deleted_at FROM accounts WHERE id = ?')
      .bind(accountId)
      .first();
    expect(row).toEqual({ version: 1, deleted_at: null });
    const t = await env.DB.prepare('SELECT revoked_at FROM tokens WHERE id = ?')
      .bind(ownerTokenId)
      .first();
    expect(t).toEqual({ revoked_at: null });
  });
});
