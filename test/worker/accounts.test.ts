import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Accounts team');
});

describe('POST /accounts', () => {
  it('creates an unverified account with version 1 and records a created event', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'tencentcloud-intl', externalId: '100012345678', label: 'Shop HK' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('ETag')).toBe('"1"');
    const a = (await res.json()) as Account;
    expect(a).toMatchObject({
      provider: 'tencentcloud-intl',
      externalId: '100012345678',
      label: 'Shop HK',
      status: 'unverified',
      entityType: 'unknown',
      version: 1,
      checklist: {},
      overdue: false,
      reviewWindow: null,
    });
    const ev = await env.DB.prepare('SELECT type, actor_member_id FROM events WHERE account_id = ?')
      .bind(a.id)
      .all();
    expect(ev.results).toEqual([{ type: 'created', actor_member_id: team.editor.memberId }]);
  });

  it('answers 409 conflict for a duplicate provider + externalId in the team', async () => {
    const body = { provider: 'commsease', externalId: 'dup-1' };
    expect((await call('/accounts', { token: team.editor.token, body })).status).toBe(201);
    const res = await call('/accounts', { token: team.editor.token, body });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('conflict');
  });

  it('names the failing field paths and refuses unknown fields', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'nope', externalId: '', colour: 'red' },
    });
    expect(res.status).toBe(400);
    const err = await errorOf(res);
    expect(err.code).toBe('validation_failed');
    const paths = (err.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['provider', 'externalId']));
    expect(JSON.stringify(err.details)).toContain('colour');
  });

  it('refuses an owner who is not a member of the team', async () => {
    const res = await call('/accounts', {
      token: team.editor.token,
      body: { provider: 'commsease', externalId: 'own-1', ownerMemberId: 'someone-else' },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toEqual([
      { path: 'ownerMemberId', message: expect.any(String) },
    ]);
  });

  it('is refused to a viewer (403) and without a token (401)', async () => {
    const body = { provider: 'commsease', externalId: 'x-1' };
    const viewer = await call('/accounts', { token: team.viewer.token, body });
    expect(viewer.status).toBe(403);
    expect((await errorOf(viewer)).code).toBe('forbidden');
    const anonymous = await call('/accounts', { body });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('unauthorized');
  });
});

describe('GET /accounts/:id and /accounts/lookup', () => {
  it('returns the account by id and by provider + externalId', async () => {
    const a = await createAccount(team.editor.token, { label: 'Lookup me' });
    const byId = await call(`/accounts/${a.id}`, { token: team.viewer.token });
    expect(byId.status).toBe(200);
    expect(((await byId.json()) as Account).label).toBe('Lookup me');
    const found = await call(
      `/accounts/lookup?provider=commsease&externalId=${encodeURIComponent(a.externalId)}`,
      { token: team.viewer.token },
    );
    expect(found.status).toBe(200);
    expect(((await found.json()) as Account).id).toBe(a.id);
  });

  it('answers 404 for an unknown id or an unknown externalId', async () => {
    expect((await call('/accounts/nope', { token: team.viewer.token })).status).toBe(404);
    const res = await call('/accounts/lookup?provider=commsease&externalId=missing', {
      token: team.viewer.token,
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it('validates the lookup query', async () => {
    const res = await call('/accounts/lookup?provider=unknown', { token: team.viewer.token });
    expect(res.status).toBe(400);
    const paths = ((await errorOf(res)).details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['provider', 'externalId']));
  });
});

describe('GET /accounts', () => {
  it('pages through every account exactly once with the cursor', async () => {
    const fresh = await seedTeam('Paging team');
    const made = new Set<string>();
    for (let i = 0; i < 7; i++) made.add((await createAccount(fresh.editor.token)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await call(`/accounts?limit=3${q}`, { token: fresh.viewer.token });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: Account[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(7);
    expect(new Set(seen)).toEqual(made);
  });

  it('filters by provider, status and text', async () => {
    const fresh = await seedTeam('Filter team');
    await createAccount(fresh.editor.token, { provider: 'tencentcloud-intl', label: 'Alpha shop' });
    await createAccount(fresh.editor.token, { provider: 'commsease', label: 'Beta 100%' });
    const get = async (q: string) =>
      (
        (await (await call(`/accounts?${q}`, { token: fresh.viewer.token })).json()) as {
          items: Account[];
        }
      ).items.map((a) => a.label);
    expect(await get('provider=tencentcloud-intl')).toEqual(['Alpha shop']);
    expect(await get('q=beta')).toEqual(['Beta 100%']);
    // LIKE wildcards in the search text are taken literally.
    expect(await get('q=%25')).toEqual(['Beta 100%']);
    expect(await get('status=verified')).toEqual([]);
    expect((await get('status=unverified')).length).toBe(2);
  });

  it('refuses a limit above 200 and a forged cursor', async () => {
    const big = await call('/accounts?limit=201', { token: team.viewer.token });
    expect(big.status).toBe(400);
    expect(((await errorOf(big)).details as { path: string }[])[0]?.path).toBe('limit');
    const forged = await call('/accounts?cursor=abc', { token: team.viewer.token });
    expect(forged.status).toBe(400);
    expect(((await errorOf(forged)).details as { path: string }[])[0]?.path).toBe('cursor');
  });

  it('does not show another team its accounts', async () => {
    const other = await seedTeam('Other');
    const mine = await createAccount(team.editor.token);
    const res = await call('/accounts?limit=200', { token: other.owner.token });
    const ids = ((await res.json()) as { items: Account[] }).items.map((a) => a.id);
    expect(ids).not.toContain(mine.id);
    expect((await call(`/accounts/${mine.id}`, { token: other.owner.token })).status).toBe(404);
  });
});

describe('DELETE /accounts/:id', () => {
  it('soft-deletes for an admin, records the event, and frees the externalId', async () => {
    const a = await createAccount(team.editor.token);
    expect(
      (await call(`/accounts/${a.id}`, { method: 'DELETE', token: team.editor.token })).status,
    ).toBe(403);
    const res = await call(`/accounts/${a.id}`, { method: 'DELETE', token: team.admin.token });
    expect(res.status).toBe(204);
    expect((await call(`/accounts/${a.id}`, { token: team.viewer.token })).status).toBe(404);
    const row = await env.DB.prepare('SELECT deleted_at FROM accounts WHERE id = ?')
      .bind(a.id)
      .first<{ deleted_at: string | null }>();
    expect(row?.deleted_at).toBeTruthy();
    const events = await call(`/accounts/${a.id}/events`, { token: team.viewer.token });
    const types = ((await events.json()) as { items: { type: string }[] }).items.map((e) => e.type);
    expect(types).toEqual(['created', 'deleted']);
    const again = await createAccount(team.editor.token, { externalId: a.externalId });
    expect(again.id).not.toBe(a.id);
  });
});
