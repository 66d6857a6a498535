import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, IssuedToken } from '../../shared/api';
import { app } from '../../worker/app';
import { BASE, seedTeam, type Team } from './support/api';

/**
 * Every statement the API runs while serving a tour of all routes is recorded, then planned
 * with EXPLAIN QUERY PLAN. A plan line `SCAN <table>` (a full scan; json_each is a virtual
 * table and allowed) fails the test, so each list, lookup and changes query needs its index.
 */
const recorded: { sql: string; params: unknown[] }[] = [];

const recordingPrepare =
  (target: { prepare(sql: string): D1PreparedStatement }) =>
  (sql: string): D1PreparedStatement => {
    const stmt = target.prepare(sql);
    return new Proxy(stmt, {
      get(t, prop, receiver) {
        if (prop === 'bind') {
          return (...params: unknown[]) => {
            recorded.push({ sql, params });
            return t.bind(...params);
          };
        }
        const v = Reflect.get(t, prop, receiver);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
  };

const recordingDb = new Proxy(env.DB, {
  get(t, prop) {
    if (prop === 'prepare') return recordingPrepare(t);
    if (prop === 'withSession') {
      return (c?: string) => {
        const s = t.withSession(c);
        return new Proxy(s, {
          get(st, p) {
            if (p === 'prepare') return recordingPrepare(st);
            const v = Reflect.get(st, p);
            return typeof v === 'function' ? v.bind(st) : v;
          },
        });
      };
    }
    const v = Reflect.get(t, prop);
    return typeof v === 'function' ? v.bind(t) : v;
  },
});

const send = async (path: string, init: RequestInit & { token: string }) => {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const res = await app.fetch(new Request(`${BASE}${path}`, { ...init, headers }), {
    ...env,
    DB: recordingDb,
  });
  if (res.status >= 400) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
};

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Plans');
  // Enough rows that a scan would not be free.
  const t = team.editor.token;
  const csv = ['provider,externalId', ...Array.from({ length: 50 }, (_, i) => `commsease,p-${i}`)];
  await send('/accounts/import', {
    method: 'POST',
    token: t,
    body: csv.join('\n'),
    headers: { 'Content-Type': 'text/csv' },
  });
  const a = (await (
    await send('/accounts', {
      method: 'POST',
      token: t,
      body: JSON.stringify({ provider: 'tencentcloud-intl', externalId: 'plan-1' }),
    })
  ).json()) as Account;
  await send(`/accounts/${a.id}`, {
    method: 'PATCH',
    token: t,
    body: JSON.stringify({ label: 'x' }),
    headers: { 'If-Match': '"1"' },
  });
  await send(`/accounts/${a.id}/transitions`, {
    method: 'POST',
    token: t,
    body: JSON.stringify({ to: 'in_progress' }),
    headers: { 'If-Match': '"2"', 'Idempotency-Key': 'plan-key' },
  });
  for (const q of [
    '',
    '?provider=commsease',
    '?status=in_progress',
    '?q=plan',
    '?overdue=true',
    '?overdue=false&limit=5',
  ]) {
    const page = (await (await send(`/accounts${q}`, { token: t })).json()) as {
      nextCursor: string | null;
    };
    if (page.nextCursor)
      await send(`/accounts?cursor=${page.nextCursor}${q.replace('?', '&')}`, { token: t });
  }
  await send('/accounts/lookup?provider=tencentcloud-intl&externalId=plan-1', { token: t });
  await send(`/accounts/${a.id}`, { token: t });
  await send(`/accounts/${a.id}/events`, { token: t });
  await send('/accounts/export?status=unverified', { token: t });
  await send('/changes?limit=10', { token: t });
  await send('/me', { token: t });
  await send('/members', { token: t });
  const issued = (await (
    await send(`/members/${team.editor.memberId}/tokens`, { method: 'POST', token: t, body: '{}' })
  ).json()) as IssuedToken;
  await send(`/members/${team.viewer.memberId}`, {
    method: 'PATCH',
    token: team.owner.token,
    body: JSON.stringify({ name: 'V' }),
  });
  await send(`/members/${team.editor.memberId}/tokens`, { token: t });
  await send(`/tokens/${issued.id}`, { method: 'DELETE', token: t });
  await send(`/accounts/${a.id}`, { method: 'DELETE', token: team.admin.token });
});

/** Plan lines that read a whole table. */
const fullScans = async (sql: string, params: unknown[]): Promise<string[]> => {
  const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return plan.results
    .map((r) => r.detail)
    .filter((d) => /^SCAN /.test(d) && !/VIRTUAL TABLE|CONSTANT ROW/.test(d));
};

describe('indexes', () => {
  it('the check itself catches a query without an index', async () => {
    expect(await fullScans('SELECT * FROM accounts WHERE label = ?', ['x'])).toEqual([
      expect.stringMatching(/^SCAN accounts/),
    ]);
  });

  it('no statement of the API scans a whole table', async () => {
    expect(recorded.length).toBeGreaterThan(30);
    const scans: string[] = [];
    const seen = new Set<string>();
    for (const { sql, params } of recorded) {
      if (seen.has(sql) || /^\s*(INSERT INTO \S+ \([^)]*\) VALUES)/i.test(sql)) continue;
      seen.add(sql);
      for (const detail of await fullScans(sql, params)) {
        scans.push(`${detail}  <-  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    expect(scans).toEqual([]);
    expect(seen.size).toBeGreaterThan(15);
  });
});
