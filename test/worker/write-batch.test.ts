import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, Changes } from '../../shared/api/accounts';
import { call, createAccount, errorOf, fingerprint, seedTeam, type Team } from './support/api';
import { counted } from './support/round-trips';

/**
 * GET /changes checks the token in the same D1 batch as its page; PATCH, DELETE and transitions
 * check it in the batch that reads the current row, and every write gets its result back from
 * the write itself (RETURNING). These tests count the D1 round trips (support/round-trips.ts)
 * so that a regression fails, and check that the saving changed no answer.
 */
let team: Team;
beforeAll(async () => {
  team = await seedTeam('Write batch team');
  // Every token of the team used once: "last used" is fresh, so no request below refreshes it.
  for (const m of [team.owner, team.admin, team.editor, team.viewer]) {
    expect((await call('/me', { token: m.token })).status).toBe(200);
  }
});

const eventsOf = async (id: string): Promise<{ type: string }[]> => {
  const res = await call(`/accounts/${id}/events`, { token: team.viewer.token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { type: string }[] }).items;
};

const current = async (id: string): Promise<Account> => {
  const res = await call(`/accounts/${id}`, { token: team.viewer.token });
  expect(res.status).toBe(200);
  return (await res.json()) as Account;
};

/**
 * A tamper for `counted` that empties the token read of the first batch, as a read replica
 * behind a token just issued answers it; later batches pass through.
 */
function firstBatchWithoutToken(): (results: D1Result[]) => D1Result[] {
  let batches = 0;
  return (results) => {
    batches += 1;
    return batches === 1 ? results.map((r, i) => (i === 0 ? { ...r, results: [] } : r)) : results;
  };
}

describe('GET /changes: one round trip per page', () => {
  it('pages through creates, updates and tombstones with one round trip each', async () => {
    const fresh = await seedTeam('Changes batch');
    expect((await call('/me', { token: fresh.viewer.token })).status).toBe(200);
    const a = await createAccount(fresh.editor.token, { label: 'A' });
    const b = await createAccount(fresh.editor.token, { label: 'B' });
    const patched = await call(`/accounts/${a.id}`, {
      method: 'PATCH',
      token: fresh.editor.token,
      body: { label: 'A2' },
      headers: { 'If-Match': '"1"' },
    });
    expect(patched.status).toBe(200);
    const deleted = await call(`/accounts/${b.id}`, { method: 'DELETE', token: fresh.admin.token });
    expect(deleted.status).toBe(204);

    const first = await counted('/changes?limit=1', fresh.viewer.token);
    expect(first.res.status).toBe(200);
    const page1 = (await first.res.json()) as Changes;
    expect(first.trips).toBe(1);
    expect(page1.items).toEqual([expect.objectContaining({ id: a.id, label: 'A2', version: 2 })]);
    expect(page1.hasMore).toBe(true);

    const second = await counted(`/changes?limit=5&since=${page1.nextCursor}`, fresh.viewer.token);
    expect(second.trips).toBe(1);
    const page2 = (await second.res.json()) as Changes;
    expect(page2.items).toEqual([
      { id: b.id, deleted: true, provider: b.provider, externalId: b.externalId },
    ]);
    expect(page2.hasMore).toBe(false);
  });

  it("shows another team's token none of this team's changes", async () => {
    const mine = await createAccount(team.editor.token);
    const other = await seedTeam('Changes batch other');
    const { res } = await counted('/changes?limit=500', other.viewer.token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Changes).items.map((i) => i.id)).not.toContain(mine.id);
  });

  it('answers 401 to a bad or revoked token, before a malformed query gets 400', async () => {
    const wrong = `vg_${'C'.repeat(43)}`;
    for (const query of ['?since=garbage', '?limit=9999', '']) {
      const bad = await counted(`/changes${query}`, wrong);
      expect(bad.res.status).toBe(401);
      expect((await errorOf(bad.res)).code).toBe('unauthorized');
    }
    const good = await counted('/changes?since=garbage', team.viewer.token);
    expect(good.res.status).toBe(400);
    expect((await errorOf(good.res)).details).toEqual([
      { path: 'since', message: expect.any(String) },
    ]);

    const victim = await seedTeam('Changes batch revoked');
    await createAccount(victim.editor.token);
    expect((await counted('/changes', victim.viewer.token)).res.status).toBe(200);
    const revoke = await call(`/tokens/${victim.viewer.tokenId}`, {
      method: 'DELETE',
      token: victim.owner.token,
    });
    expect(revoke.status).toBe(204);
    expect((await counted('/changes', victim.viewer.token)).res.status).toBe(401);
  });
});

describe('writes: the token with the current row, the write with its result', () => {
  it('a transition makes two round trips, answers what is stored and records one event', async () => {
    const a = await createAccount(team.editor.token);
    const { res, trips } = await counted(`/accounts/${a.id}/transitions`, team.editor.token, {
      body: { to: 'in_progress' },
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(200);
    expect(trips).toBe(2);
    const answered = (await res.json()) as Account;
    expect(res.headers.get('ETag')).toBe('"2"');
    expect(answered).toEqual(await current(a.id));
    expect(answered).toMatchObject({ status: 'in_progress', version: 2 });
    expect((await eventsOf(a.id)).map((e) => e.type)).toEqual(['created', 'transitioned']);
  });

  it('a PATCH makes two round trips (a new owner checked in the first) and answers what is stored', async () => {
    const a = await createAccount(team.editor.token);
    const label = await counted(`/accounts/${a.id}`, team.editor.token, {
      method: 'PATCH',
      body: { label: 'renamed', notes: 'n' },
      headers: { 'If-Match': '"1"' },
    });
    expect(label.res.status).toBe(200);
    expect(label.trips).toBe(2);
    expect(await label.res.json()).toEqual(await current(a.id));

    const owner = await counted(`/accounts/${a.id}`, team.editor.token, {
      method: 'PATCH',
      body: { ownerMemberId: team.viewer.memberId },
      headers: { 'If-Match': '"2"' },
    });
    expect(owner.res.status).toBe(200);
    expect(owner.trips).toBe(2);
    const stored = await current(a.id);
    expect(await owner.res.json()).toEqual(stored);
    expect(stored).toMatchObject({ label: 'renamed', ownerMemberId: team.viewer.memberId });
    expect((await eventsOf(a.id)).map((e) => e.type)).toEqual(['created', 'updated', 'updated']);
  });

  it('refuses an owner from another team (400 on ownerMemberId) and changes nothing', async () => {
    const a = await createAccount(team.editor.token);
    const other = await seedTeam('Write batch owner');
    const before = await fingerprint();
    const { res, trips } = await counted(`/accounts/${a.id}`, team.editor.token, {
      method: 'PATCH',
      body: { label: 'moved', ownerMemberId: other.viewer.memberId },
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(400);
    expect(trips).toBe(1);
    expect((await errorOf(res)).details).toEqual([
      { path: 'ownerMemberId', message: 'no member of your team has this id' },
    ]);
    expect(await fingerprint()).toBe(before);
  });

  it('a create makes two round trips and a delete two', async () => {
    const created = await counted('/accounts', team.editor.token, {
      body: { provider: 'commsease', externalId: `wb-${crypto.randomUUID()}`, label: 'new' },
    });
    expect(created.res.status).toBe(201);
    expect(created.trips).toBe(2);
    const account = (await created.res.json()) as Account;
    expect(account).toEqual(await current(account.id));
    expect(created.res.headers.get('Location')).toBe(`/api/v1/accounts/${account.id}`);

    const deleted = await counted(`/accounts/${account.id}`, team.admin.token, {
      method: 'DELETE',
      headers: { 'If-Match': '"1"' },
    });
    expect(deleted.res.status).toBe(204);
    expect(deleted.trips).toBe(2);
    expect((await call(`/accounts/${account.id}`, { token: team.viewer.token })).status).toBe(404);
    expect((await eventsOf(account.id)).map((e) => e.type)).toEqual(['created', 'deleted']);
  });

  it('a transition with an Idempotency-Key: four round trips, replayed in two, applied once', async () => {
    const a = await createAccount(team.editor.token);
    const send = () =>
      counted(`/accounts/${a.id}/transitions`, team.editor.token, {
        body: { to: 'in_progress' },
        headers: { 'If-Match': '"1"', 'Idempotency-Key': `wb-${a.id}` },
      });
    const first = await send();
    expect(first.res.status).toBe(200);
    // The token with the key's claim, the row, the write, the stored answer.
    expect(first.trips).toBe(4);
    const body = await first.res.text();
    const again = await send();
    expect(again.res.status).toBe(200);
    expect(again.res.headers.get('Idempotency-Replayed')).toBe('true');
    expect(again.trips).toBe(2);
    expect(await again.res.text()).toBe(body);
    expect((await eventsOf(a.id)).map((e) => e.type)).toEqual(['created', 'transitioned']);
  });

  it('a create with an Idempotency-Key: three round trips, replayed with its Location', async () => {
    const body = { provider: 'commsease', externalId: `wb-key-${crypto.randomUUID()}` };
    const headers = { 'Idempotency-Key': `wb-create-${body.externalId}` };
    const first = await counted('/accounts', team.editor.token, { body, headers });
    expect(first.res.status).toBe(201);
    // The token with the key's claim, the insert with its event, the stored answer.
    expect(first.trips).toBe(3);
    const created = (await first.res.json()) as Account;
    const again = await counted('/accounts', team.editor.token, { body, headers });
    expect(again.res.status).toBe(201);
    expect(again.res.headers.get('Idempotency-Replayed')).toBe('true');
    expect(again.res.headers.get('Location')).toBe(`/api/v1/accounts/${created.id}`);
    expect(((await again.res.json()) as Account).id).toBe(created.id);
  });

  it('a create or an import with a key and a bad token is 401 and changes nothing', async () => {
    const wrong = `vg_${'E'.repeat(43)}`;
    const before = await fingerprint();
    const create = await counted('/accounts', wrong, {
      body: { provider: 'commsease', externalId: 'never' },
      headers: { 'Idempotency-Key': 'wb-bad-create' },
    });
    expect(create.res.status).toBe(401);
    const bad = await counted('/accounts', wrong, {
      body: { provider: 'nowhere' },
      headers: { 'Idempotency-Key': '' },
    });
    expect(bad.res.status).toBe(401);
    const imported = await counted('/accounts/import', wrong, {
      body: { rows: [{ provider: 'commsease', externalId: 'never-imported' }] },
      headers: { 'Idempotency-Key': 'wb-bad-import' },
    });
    expect(imported.res.status).toBe(401);
    expect(await fingerprint()).toBe(before);
  });

  it('a key sent with a token the replica has not seen yet is claimed for its team', async () => {
    const a = await createAccount(team.editor.token);
    const noTokenYet = firstBatchWithoutToken();
    const send = (tamper?: (results: D1Result[]) => D1Result[]) =>
      counted(`/accounts/${a.id}/transitions`, team.editor.token, {
        body: { to: 'in_progress' },
        headers: { 'If-Match': '"1"', 'Idempotency-Key': `wb-late-${a.id}` },
        ...(tamper ? { tamper } : {}),
      });
    const first = await send(noTokenYet);
    expect(first.res.status).toBe(200);
    const again = await send();
    expect(again.res.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await again.res.text()).toBe(await first.res.text());
    expect((await eventsOf(a.id)).map((e) => e.type)).toEqual(['created', 'transitioned']);
  });

  it('refused writes change nothing: bad token, viewer, stale If-Match, missing account', async () => {
    const a = await createAccount(team.editor.token);
    const wrong = `vg_${'D'.repeat(43)}`;
    const refused: [string, string, Parameters<typeof counted>[2], number][] = [
      [
        `/accounts/${a.id}`,
        wrong,
        { method: 'PATCH', body: { label: 'x' }, headers: { 'If-Match': '"1"' } },
        401,
      ],
      // A bad token with a bad body is still 401, not 400.
      [
        `/accounts/${a.id}`,
        wrong,
        { method: 'PATCH', body: { label: 7 }, headers: { 'If-Match': '"1"' } },
        401,
      ],
      [`/accounts/${a.id}/transitions`, wrong, { body: { to: 'nowhere' } }, 401],
      // A refused token claims no Idempotency-Key; a refused role leaves none behind.
      [
        `/accounts/${a.id}/transitions`,
        wrong,
        { body: { to: 'in_progress' }, headers: { 'If-Match': '"1"', 'Idempotency-Key': 'k1' } },
        401,
      ],
      [
        `/accounts/${a.id}/transitions`,
        team.viewer.token,
        { body: { to: 'in_progress' }, headers: { 'If-Match': '"1"', 'Idempotency-Key': 'k2' } },
        403,
      ],
      [`/accounts/${a.id}`, wrong, { method: 'DELETE' }, 401],
      [`/accounts/${a.id}`, team.viewer.token, { method: 'PATCH', body: { label: 'x' } }, 403],
      [`/accounts/${a.id}/transitions`, team.viewer.token, { body: { to: 'in_progress' } }, 403],
      [
        `/accounts/${a.id}`,
        team.editor.token,
        { method: 'DELETE', headers: { 'If-Match': '"1"' } },
        403,
      ],
      [`/accounts/${a.id}`, team.editor.token, { method: 'PATCH', body: { label: 'x' } }, 428],
      [
        `/accounts/${a.id}`,
        team.editor.token,
        { method: 'PATCH', body: { label: 'x' }, headers: { 'If-Match': '"5"' } },
        412,
      ],
      [
        `/accounts/${a.id}/transitions`,
        team.editor.token,
        { body: { to: 'in_progress' }, headers: { 'If-Match': '"5"' } },
        412,
      ],
      [
        `/accounts/${a.id}`,
        team.admin.token,
        { method: 'DELETE', headers: { 'If-Match': '"5"' } },
        412,
      ],
      [
        `/accounts/${a.id}/transitions`,
        team.editor.token,
        { body: { to: 'verified' }, headers: { 'If-Match': '"1"' } },
        409,
      ],
      [
        `/accounts/${crypto.randomUUID()}`,
        team.editor.token,
        { method: 'PATCH', body: { label: 'x' }, headers: { 'If-Match': '"1"' } },
        404,
      ],
    ];
    const before = await fingerprint();
    for (const [path, token, opts, status] of refused) {
      const { res } = await counted(path, token, opts);
      expect({ path, method: opts?.method, status: res.status }).toEqual({
        path,
        method: opts?.method,
        status,
      });
    }
    expect(await fingerprint()).toBe(before);
    expect(await current(a.id)).toEqual(a);
  });

  it("another team's token cannot write to this team's account (404, nothing changed)", async () => {
    const a = await createAccount(team.editor.token);
    const other = await seedTeam('Write batch other');
    const before = await fingerprint();
    const { res } = await counted(`/accounts/${a.id}/transitions`, other.editor.token, {
      body: { to: 'in_progress' },
      headers: { 'If-Match': '"1"' },
    });
    expect(res.status).toBe(404);
    expect(await fingerprint()).toBe(before);
  });

  it('a token the answering replica has not seen yet still writes, for its own team', async () => {
    const a = await createAccount(team.editor.token);
    // The first batch's token read comes back empty, as from a replica behind a token just
    // issued: the primary knows it, the row is read again for its team, then written.
    const noTokenYet = firstBatchWithoutToken();
    const { res } = await counted(`/accounts/${a.id}/transitions`, team.editor.token, {
      body: { to: 'in_progress' },
      headers: { 'If-Match': '"1"' },
      tamper: noTokenYet,
    });
    expect(res.status).toBe(200);
    expect((await current(a.id)).status).toBe('in_progress');
    const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM events WHERE account_id = ?')
      .bind(a.id)
      .first<{ n: number }>();
    expect(row?.n).toBe(2);
  });
});
