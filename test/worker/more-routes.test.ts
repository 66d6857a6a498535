import { beforeAll, describe, expect, it } from 'vitest';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('More routes');
});

const paths = async (res: Response) =>
  ((await errorOf(res)).details as { path: string }[]).map((d) => d.path);

describe('GET /accounts/:id/events', () => {
  it('pages the trail oldest first and validates limit and cursor', async () => {
    const a = await createAccount(team.editor.token, { label: 'v1' });
    for (const [v, label] of [
      [1, 'v2'],
      [2, 'v3'],
    ] as const) {
      await call(`/accounts/${a.id}`, {
        method: 'PATCH',
        token: team.editor.token,
        body: { label },
        headers: { 'If-Match': `"${v}"` },
      });
    }
    const first = await call(`/accounts/${a.id}/events?limit=2`, { token: team.viewer.token });
    const page = (await first.json()) as { items: { type: string }[]; nextCursor: string };
    expect(page.items.map((e) => e.type)).toEqual(['created', 'updated']);
    const second = await call(`/accounts/${a.id}/events?cursor=${page.nextCursor}`, {
      token: team.viewer.token,
    });
    const rest = (await second.json()) as {
      items: { after: { label: string } }[];
      nextCursor: null;
    };
    expect(rest.items.map((e) => e.after.label)).toEqual(['v3']);
    expect(rest.nextCursor).toBeNull();
    const bad = await call(`/accounts/${a.id}/events?limit=0`, { token: team.viewer.token });
    expect(bad.status).toBe(400);
    expect(await paths(bad)).toEqual(['limit']);
  });
});

describe('DELETE /accounts/:id', () => {
  it('checks an If-Match when one is sent', async () => {
    const a = await createAccount(team.editor.token);
    const garbled = await call(`/accounts/${a.id}`, {
      method: 'DELETE',
      token: team.admin.token,
      headers: { 'If-Match': 'yesterday' },
    });
    expect(garbled.status).toBe(400);
    expect(await paths(garbled)).toEqual(['If-Match']);
    const stale = await call(`/accounts/${a.id}`, {
      method: 'DELETE',
      token: team.admin.token,
      headers: { 'If-Match': '"9"' },
    });
    expect(stale.status).toBe(412);
    const ok = await call(`/accounts/${a.id}`, {
      method: 'DELETE',
      token: team.admin.token,
      headers: { 'If-Match': '"1"' },
    });
    expect(ok.status).toBe(204);
  });
});

describe('GET /accounts/export', () => {
  it('validates the filters', async () => {
    const res = await call('/accounts/export?status=approved&overdue=maybe', {
      token: team.viewer.token,
    });
    expect(res.status).toBe(400);
    expect((await paths(res)).sort()).toEqual(['overdue', 'status']);
  });
});

describe('PATCH /members/:id', () => {
  it('is refused to an editor', async () => {
    const res = await call(`/members/${team.viewer.memberId}`, {
      method: 'PATCH',
      token: team.editor.token,
      body: { name: 'Renamed' },
    });
    expect(res.status).toBe(403);
  });
});
