import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { getPlaybook } from '../../shared/playbooks/index';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Patch team');
});

const patch = (
  a: Pick<Account, 'id'>,
  body: unknown,
  ifMatch?: string,
  token = team.editor.token,
) =>
  call(`/accounts/${a.id}`, {
    method: 'PATCH',
    token,
    body,
    headers: ifMatch === undefined ? {} : { 'If-Match': ifMatch },
  });

const firstStep = (provider: 'commsease' | 'tencentcloud-intl', n = 0): string => {
  const id = getPlaybook(provider).flows.flatMap((f) => f.steps.map((s) => s.id))[n];
  if (!id) throw new Error('playbook without steps');
  return id;
};

describe('PATCH /accounts/:id', () => {
  it('updates label and notes, bumps the version and records what changed', async () => {
    const a = await createAccount(team.editor.token, { label: 'Old' });
    const res = await patch(a, { label: 'New', notes: 'Ask finance' }, '"1"');
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"2"');
    const b = (await res.json()) as Account;
    expect(b).toMatchObject({ label: 'New', notes: 'Ask finance', version: 2 });
    const events = await call(`/accounts/${a.id}/events`, { token: team.viewer.token });
    const items = (
      (await events.json()) as {
        items: { type: string; before: unknown; after: unknown; actor: { id: string } }[];
      }
    ).items;
    expect(items.at(-1)).toMatchObject({
      type: 'updated',
      before: { label: 'Old', notes: null },
      after: { label: 'New', notes: 'Ask finance' },
      actor: { id: team.editor.memberId },
    });
  });

  it('needs If-Match (428) and refuses a stale version (412) without writing', async () => {
    const a = await createAccount(team.editor.token);
    const missing = await patch(a, { label: 'x' });
    expect(missing.status).toBe(428);
    expect((await errorOf(missing)).code).toBe('precondition_required');
    const stale = await patch(a, { label: 'x' }, '"5"');
    expect(stale.status).toBe(412);
    expect((await errorOf(stale)).code).toBe('precondition_failed');
    const row = await env.DB.prepare('SELECT label, version FROM accounts WHERE id = ?')
      .bind(a.id)
      .first();
    expect(row).toEqual({ label: null, version: 1 });
  });

  it('merges checklist progress and clears a step with null', async () => {
    const a = await createAccount(team.editor.token);
    const s1 = firstStep('commsease', 0);
    const s2 = firstStep('commsease', 1);
    const one = await patch(
      a,
      { checklist: { [s1]: '2026-11-01T10:00:00Z', [s2]: '2026-11-01T10:05:00Z' } },
      '"1"',
    );
    expect(((await one.json()) as Account).checklist).toEqual({
      [s1]: '2026-11-01T10:00:00Z',
      [s2]: '2026-11-01T10:05:00Z',
    });
    const two = await patch(a, { checklist: { [s1]: null } }, '"2"');
    expect(((await two.json()) as Account).checklist).toEqual({ [s2]: '2026-11-01T10:05:00Z' });
  });

  it("refuses a step id that is not in the provider's playbook, naming it", async () => {
    const a = await createAccount(team.editor.token, { provider: 'commsease' });
    const res = await patch(a, { checklist: { 'no-such-step': '2026-11-01T10:00:00Z' } }, '"1"');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details).toEqual([
      { path: 'checklist.no-such-step', message: expect.any(String) },
    ]);
  });

  it('names field paths for wrong types and unknown fields; refuses an empty patch', async () => {
    const a = await createAccount(team.editor.token);
    const res = await patch(
      a,
      { label: 5, checklist: { x: 'yesterday' }, status: 'verified' },
      '"1"',
    );
    expect(res.status).toBe(400);
    const details = JSON.stringify((await errorOf(res)).details);
    expect(details).toContain('"path":"label"');
    expect(details).toContain('"path":"checklist.x"');
    expect(details).toContain('status');
    expect((await patch(a, {}, '"1"')).status).toBe(400);
  });

  it('is refused to a viewer (403) and without a token (401)', async () => {
    const a = await createAccount(team.editor.token);
    expect((await patch(a, { label: 'v' }, '"1"', team.viewer.token)).status).toBe(403);
    const anonymous = await call(`/accounts/${a.id}`, {
      method: 'PATCH',
      body: { label: 'v' },
      headers: { 'If-Match': '"1"' },
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('concurrent PATCHes with the same If-Match', () => {
  it('lets exactly one of 20 win; the others get 412 and exactly one event is written', async () => {
    const a = await createAccount(team.editor.token);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => patch(a, { label: `writer ${i}` }, '"1"')),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const events = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM events WHERE account_id = ? AND type = 'updated'",
    )
      .bind(a.id)
      .first<{ n: number }>();
    expect(events?.n).toBe(1);
    const row = await env.DB.prepare('SELECT version FROM accounts WHERE id = ?')
      .bind(a.id)
      .first<{ version: number }>();
    expect(row?.version).toBe(2);
  });
});
