import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { call, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Idempotency team');
});

const count = async (externalId: string) =>
  (
    await env.DB.prepare('SELECT COUNT(*) AS n FROM accounts WHERE external_id = ?')
      .bind(externalId)
      .first<{ n: number }>()
  )?.n;

describe('Idempotency-Key on POST', () => {
  it('replays the first response for the same key and body, creating one row', async () => {
    const body = { provider: 'commsease', externalId: 'idem-1', label: 'Once' };
    const headers = { 'Idempotency-Key': 'key-1' };
    const first = await call('/accounts', { token: team.editor.token, body, headers });
    expect(first.status).toBe(201);
    const created = (await first.json()) as Account;
    const again = await call('/accounts', { token: team.editor.token, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotency-Replayed')).toBe('true');
    expect(again.headers.get('ETag')).toBe('"1"');
    expect(again.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(((await again.json()) as Account).id).toBe(created.id);
    expect(await count('idem-1')).toBe(1);
    const events = await env.DB.prepare('SELECT COUNT(*) AS n FROM events WHERE account_id = ?')
      .bind(created.id)
      .first<{ n: number }>();
    expect(events?.n).toBe(1);
  });

  it('answers 422 idempotency_key_reused for the same key with another body', async () => {
    const headers = { 'Idempotency-Key': 'key-2' };
    await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: 'idem-2' },
      headers,
    });
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: 'idem-3' },
      headers,
    });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('idempotency_key_reused');
    expect(await count('idem-3')).toBe(0);
  });

  it('does not remember a refused request, so a corrected retry with the key works', async () => {
    const headers = { 'Idempotency-Key': 'key-3' };
    const bad = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease' },
      headers,
    });
    expect(bad.status).toBe(400);
    const good = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease' },
      headers,
    });
    expect(good.status).toBe(400);
    const fixed = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: 'idem-4' },
      headers,
    });
    expect(fixed.status).toBe(201);
  });

  it('creates one row when the same keyed request arrives twice at once', async () => {
    const body = { provider: 'commsease', externalId: 'idem-5' };
    const headers = { 'Idempotency-Key': 'key-5' };
    const [a, b] = await Promise.all([
      call('/accounts', { token: team.editor.token, body, headers }),
      call('/accounts', { token: team.editor.token, body, headers }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual(expect.arrayContaining([201]));
    for (const r of [a, b]) expect([201, 409]).toContain(r?.status);
    expect(await count('idem-5')).toBe(1);
  });

  it('replays a transition instead of applying it twice', async () => {
    const created = (await (
      await call('/accounts', {
        token: team.editor.token,
        body: { provider: 'commsease', externalId: 'idem-6' },
      })
    ).json()) as Account;
    const send = () =>
      call(`/accounts/${created.id}/transitions`, {
        token: team.editor.token,
        body: { to: 'in_progress' },
        headers: { 'If-Match': '"1"', 'Idempotency-Key': 'key-6' },
      });
    expect((await send()).status).toBe(200);
    const replay = await send();
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as Account).version).toBe(2);
  });

  it('forgets keys after 24 hours: an old key may carry a new request', async () => {
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    await env.DB.prepare(
      'INSERT INTO idempotency_keys (team_id, key, request_hash, status, body, created_at) VALUES (?, ?, ?, 201, ?, ?)',
    )
      .bind(team.id, 'key-old', 'another-request', '{}', old)
      .run();
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: 'idem-7' },
      headers: { 'Idempotency-Key': 'key-old' },
    });
    expect(res.status).toBe(201);
    expect(await count('idem-7')).toBe(1);
  });
});
