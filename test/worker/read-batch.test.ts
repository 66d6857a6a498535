import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';
import { counted, type Tamper } from './support/round-trips';

/**
 * The read routes check the token in the same D1 batch as their data. These tests count the
 * D1 round trips a request makes (support/round-trips.ts).
 */
const get = (path: string, token: string, tamper?: Tamper) => counted(path, token, { tamper });

let team: Team;
let account: Account;
beforeAll(async () => {
  team = await seedTeam('Batch team');
  account = await createAccount(team.editor.token, { label: 'batched' });
  // Every token of the team used once: "last used" is fresh, so no request below refreshes it.
  for (const m of [team.owner, team.admin, team.editor, team.viewer]) {
    expect((await call('/me', { token: m.token })).status).toBe(200);
  }
});

describe('read routes: the token check and the data in one D1 round trip', () => {
  const reads = () => [
    '/accounts?limit=50',
    '/accounts?status=unverified&limit=5',
    `/accounts/lookup?provider=${account.provider}&externalId=${account.externalId}`,
    `/accounts/${account.id}`,
  ];

  it.each([0, 1, 2, 3])('read %i answers with the data after one round trip', async (i) => {
    const path = reads()[i] as string;
    const { res, trips } = await get(path, team.viewer.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Account | { items: Account[] };
    const ids = 'items' in body ? body.items.map((a) => a.id) : [body.id];
    expect(ids).toContain(account.id);
    expect(trips).toBe(1);
  });

  it("never shows another team's rows to a valid token of that team", async () => {
    const other = await seedTeam('Batch other');
    const list = await get('/accounts?limit=200', other.viewer.token);
    expect(list.res.status).toBe(200);
    expect(((await list.res.json()) as { items: Account[] }).items).toEqual([]);
    const one = await get(`/accounts/${account.id}`, other.viewer.token);
    expect(one.res.status).toBe(404);
  });

  it('a token revoked a moment ago reads nothing at once', async () => {
    const victim = await seedTeam('Batch revoked');
    const mine = await createAccount(victim.editor.token);
    expect((await get(`/accounts/${mine.id}`, victim.viewer.token)).res.status).toBe(200);
    const revoke = await call(`/tokens/${victim.viewer.tokenId}`, {
      method: 'DELETE',
      token: victim.owner.token,
    });
    expect(revoke.status).toBe(204);
    for (const path of [
      '/accounts',
      `/accounts/${mine.id}`,
      `/accounts/lookup?provider=${mine.provider}&externalId=${mine.externalId}`,
    ]) {
      const { res } = await get(path, victim.viewer.token);
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe('unauthorized');
    }
  });

  it('a bad token gets 401 before a malformed query gets 400', async () => {
    const wrong = `vg_${'B'.repeat(43)}`;
    for (const query of ['?cursor=not-a-cursor', '?limit=9999', '?overdue=maybe']) {
      const bad = await get(`/accounts${query}`, wrong);
      expect(bad.res.status).toBe(401);
      const good = await get(`/accounts${query}`, team.viewer.token);
      expect(good.res.status).toBe(400);
    }
    expect((await get('/accounts/lookup?provider=commsease', wrong)).res.status).toBe(401);
    expect((await get('/accounts/lookup?provider=commsease', team.viewer.token)).res.status).toBe(
      400,
    );
  });

  it('a token the answering replica has not seen yet is still served, from the primary', async () => {
    // The batch's token read comes back empty, as from a read replica behind a token just
    // issued: the primary knows the token, and the data is read again for its team.
    const noTokenYet = (results: D1Result[]) =>
      results.map((r, i) => (i === 0 ? { ...r, results: [] } : r));
    const { res, trips } = await get('/accounts?limit=200', team.viewer.token, noTokenYet);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: Account[] }).items.map((a) => a.id)).toContain(
      account.id,
    );
    expect(trips).toBe(3);
  });
});

describe("the token's last use", () => {
  it('is refreshed at most once per resolution, not on every read', async () => {
    const fresh = await seedTeam('Batch last used');
    const lastUsed = async () =>
      (
        await env.DB.prepare('SELECT last_used_at FROM tokens WHERE id = ?')
          .bind(fresh.viewer.tokenId)
          .first<{ last_used_at: string | null }>()
      )?.last_used_at ?? null;
    expect(await lastUsed()).toBeNull();
    const first = await get('/accounts', fresh.viewer.token);
    expect(first.res.status).toBe(200);
    await expect.poll(lastUsed).not.toBeNull();
    const stamped = await lastUsed();
    const again = await get('/accounts', fresh.viewer.token);
    expect(again.trips).toBe(1);
    expect(await lastUsed()).toBe(stamped);
  });
});
