import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedToken, Me, Member } from '../../shared/api/members';
import { call, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Members team');
});

describe('GET /me', () => {
  it('names the member and the team of the token', async () => {
    const res = await call('/me', { token: team.editor.token });
    expect(res.status).toBe(200);
    const me = (await res.json()) as Me;
    expect(me.member).toMatchObject({ id: team.editor.memberId, role: 'editor' });
    expect(me.team).toEqual({ id: team.id, name: 'Members team' });
  });

  it('records when the token was last used', async () => {
    await call('/me', { token: team.viewer.token });
    // Written after the response (waitUntil), so it may land a moment later.
    await expect
      .poll(
        async () =>
          (
            await env.DB.prepare('SELECT last_used_at FROM tokens WHERE id = ?')
              .bind(team.viewer.tokenId)
              .first<{ last_used_at: string | null }>()
          )?.last_used_at,
      )
      .toBeTruthy();
  });
});

describe('/members', () => {
  it('lists members for any role', async () => {
    const res = await call('/members', { token: team.viewer.token });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Member[] };
    expect(items.map((m) => m.role).sort()).toEqual(['admin', 'editor', 'owner', 'viewer']);
  });

  it('lets an admin add an editor, refuses a duplicate email and an owner grant', async () => {
    const body = { name: 'Mei', email: 'Mei@Example.com', role: 'editor' };
    const res = await call('/members', { token: team.admin.token, body });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Member).email).toBe('mei@example.com');
    expect((await call('/members', { token: team.admin.token, body })).status).toBe(409);
    const owner = await call('/members', {
      token: team.admin.token,
      body: { name: 'Boss', email: 'boss@example.com', role: 'owner' },
    });
    expect(owner.status).toBe(403);
  });

  it('validates the body with field paths; editors may not add members', async () => {
    const bad = await call('/members', {
      token: team.admin.token,
      body: { name: '', email: 'not-an-email', role: 'king' },
    });
    expect(bad.status).toBe(400);
    const paths = ((await errorOf(bad)).details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'role']));
    const editor = await call('/members', {
      token: team.editor.token,
      body: { name: 'X', email: 'x@example.com', role: 'viewer' },
    });
    expect(editor.status).toBe(403);
  });

  it('changes a role; an admin cannot change an owner; the last owner stays', async () => {
    const promoted = await call(`/members/${team.viewer.memberId}`, {
      method: 'PATCH',
      token: team.admin.token,
      body: { role: 'editor' },
    });
    expect(promoted.status).toBe(200);
    expect(((await promoted.json()) as Member).role).toBe('editor');
    const demoteOwner = await call(`/members/${team.owner.memberId}`, {
      method: 'PATCH',
      token: team.admin.token,
      body: { role: 'viewer' },
    });
    expect(demoteOwner.status).toBe(403);
    const lastOwner = await call(`/members/${team.owner.memberId}`, {
      method: 'PATCH',
      token: team.owner.token,
      body: { role: 'admin' },
    });
    expect(lastOwner.status).toBe(409);
    const empty = await call(`/members/${team.viewer.memberId}`, {
      method: 'PATCH',
      token: team.admin.token,
      body: { colour: 'red' },
    });
    expect(empty.status).toBe(400);
    // Put the viewer back for the other tests.
    await call(`/members/${team.viewer.memberId}`, {
      method: 'PATCH',
      token: team.admin.token,
      body: { role: 'viewer' },
    });
  });
});

describe('tokens', () => {
  it('issues a token shown once (stored as its SHA-256), which works until revoked', async () => {
    const res = await call(`/members/${team.editor.memberId}/tokens`, {
      token: team.admin.token,
      body: { name: 'laptop' },
    });
    expect(res.status).toBe(201);
    const issued = (await res.json()) as IssuedToken;
    expect(issued.token).toMatch(/^vg_[A-Za-z0-9_-]{43}$/);
    const stored = await env.DB.prepare('SELECT hash FROM tokens WHERE id = ?')
      .bind(issued.id)
      .first<{ hash: string }>();
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.hash).not.toContain(issued.token);

    expect((await call('/me', { token: issued.token })).status).toBe(200);
    const revoke = await call(`/tokens/${issued.id}`, {
      method: 'DELETE',
      token: team.admin.token,
    });
    expect(revoke.status).toBe(204);
    expect((await call('/me', { token: issued.token })).status).toBe(401);
  });

  it('lets a member issue and revoke their own tokens without the admin role', async () => {
    const res = await call(`/members/${team.viewer.memberId}/tokens`, {
      method: 'POST',
      token: team.viewer.token,
    });
    expect(res.status).toBe(201);
    const issued = (await res.json()) as IssuedToken;
    const revoke = await call(`/tokens/${issued.id}`, { method: 'DELETE', token: issued.token });
    expect(revoke.status).toBe(204);
  });

  it("refuses an editor issuing or revoking another member's tokens", async () => {
    const issue = await call(`/members/${team.viewer.memberId}/tokens`, {
      token: team.editor.token,
      body: {},
    });
    expect(issue.status).toBe(403);
    const revoke = await call(`/tokens/${team.viewer.tokenId}`, {
      method: 'DELETE',
      token: team.editor.token,
    });
    expect(revoke.status).toBe(403);
    const bad = await call(`/members/${team.editor.memberId}/tokens`, {
      token: team.editor.token,
      body: { name: 5 },
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toEqual([{ path: 'name', message: expect.any(String) }]);
  });

  it("lists a member's tokens without their secret, for the member and for admins only", async () => {
    const own = await call(`/members/${team.editor.memberId}/tokens`, { token: team.editor.token });
    expect(own.status).toBe(200);
    const { items } = (await own.json()) as { items: Record<string, unknown>[] };
    expect(items.map((t) => t.id)).toContain(team.editor.tokenId);
    for (const t of items)
      expect(Object.keys(t).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt']);
    expect(
      (await call(`/members/${team.editor.memberId}/tokens`, { token: team.admin.token })).status,
    ).toBe(200);
    expect(
      (await call(`/members/${team.viewer.memberId}/tokens`, { token: team.editor.token })).status,
    ).toBe(403);
  });
});
