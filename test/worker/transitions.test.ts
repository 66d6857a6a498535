import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/api/accounts';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('Transitions team');
});

const move = (a: Pick<Account, 'id' | 'version'>, body: Record<string, unknown>, headers = {}) =>
  call(`/accounts/${a.id}/transitions`, {
    token: team.editor.token,
    body,
    headers: { 'If-Match': `"${a.version}"`, ...headers },
  });

const step = async (a: Account, body: Record<string, unknown>): Promise<Account> => {
  const res = await move(a, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Account;
};

describe('CommsEase individual: the 30-day subject lock', () => {
  it('refuses an update within 30 days naming the end date, allows the upgrade, and never goes back to individual', async () => {
    let a = await createAccount(team.editor.token, {
      provider: 'commsease',
      entityType: 'individual',
    });
    a = await step(a, { to: 'in_progress', at: '2026-03-01T01:00:00Z' });
    a = await step(a, { to: 'in_review', at: '2026-03-01T01:30:00Z' });
    // CommsEase publishes no review time.
    expect(a.reviewWindow).toBeNull();
    a = await step(a, { to: 'verified', at: '2026-03-01T02:00:00Z' });
    expect(a.verifiedAt).toBe('2026-03-01T02:00:00.000Z');
    expect(a.lockedUntil?.startsWith('2026-03-31')).toBe(true);

    const refused = await move(a, {
      to: 'in_progress',
      flow: 'update',
      at: '2026-03-10T00:00:00Z',
    });
    expect(refused.status).toBe(409);
    const err = await errorOf(refused);
    expect(err.code).toBe('invalid_transition');
    expect(err.details).toMatchObject({ code: 'locked' });
    expect((err.details as { until: string }).until.startsWith('2026-03-31')).toBe(true);
    expect(err.message).toContain('2026-03-31');

    const zh = await move(
      a,
      { to: 'in_progress', flow: 'update', at: '2026-03-10T00:00:00Z' },
      { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    );
    expect(zh.status).toBe(409);
    expect((await errorOf(zh)).message).toMatch(/[\u4e00-\u9fff]/);

    // Nothing was written by the refusals.
    const unchanged = (await (
      await call(`/accounts/${a.id}`, { token: team.viewer.token })
    ).json()) as Account;
    expect(unchanged.version).toBe(a.version);

    a = await step(a, { to: 'in_progress', flow: 'upgrade', at: '2026-03-10T00:00:00Z' });
    const patched = await call(`/accounts/${a.id}`, {
      method: 'PATCH',
      token: team.editor.token,
      body: { entityType: 'enterprise' },
      headers: { 'If-Match': `"${a.version}"` },
    });
    expect(patched.status).toBe(200);
    a = (await patched.json()) as Account;
    a = await step(a, { to: 'in_review', at: '2026-03-11T00:00:00Z' });
    a = await step(a, { to: 'verified', at: '2026-03-12T00:00:00Z' });

    const back = await call(`/accounts/${a.id}`, {
      method: 'PATCH',
      token: team.editor.token,
      body: { entityType: 'individual' },
      headers: { 'If-Match': `"${a.version}"` },
    });
    expect(back.status).toBe(409);
    const backErr = await errorOf(back);
    expect(backErr.code).toBe('invalid_transition');
    expect(backErr.details).toMatchObject({ code: 'irreversible' });
    expect(backErr.message).toMatch(/individual/i);
  });
});

describe('Tencent Cloud International: review window and the once-per-30-days change', () => {
  it('computes the review window across National Day, reports overdue, and locks a change', async () => {
    let a = await createAccount(team.editor.token, {
      provider: 'tencentcloud-intl',
      entityType: 'enterprise',
    });
    a = await step(a, { to: 'in_progress', at: '2026-09-30T01:00:00Z' });
    a = await step(a, { to: 'in_review', at: '2026-09-30T02:00:00Z' });
    // 2-4 business days after Wed 30 Sep: Oct 1-7 are off, Sat Oct 10 is a make-up working day.
    expect(a.reviewWindow).toEqual({
      earliest: '2026-10-09',
      latest: '2026-10-12',
      estimate: false,
    });
    expect(a.submittedAt).toBe('2026-09-30T02:00:00.000Z');
    // Today is past 12 Oct 2026 (the tests run later), so the review is overdue.
    expect(a.overdue).toBe(true);
    const overdue = await call('/accounts?overdue=true', { token: team.viewer.token });
    const ids = ((await overdue.json()) as { items: Account[] }).items.map((x) => x.id);
    expect(ids).toContain(a.id);

    a = await step(a, { to: 'verified', at: '2026-10-12T04:00:00Z' });
    expect(a.overdue).toBe(false);
    expect(a.lockedUntil?.startsWith('2026-11-11')).toBe(true);
    const res = await move(a, { to: 'in_progress', flow: 'change', at: '2026-10-20T00:00:00Z' });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).details).toMatchObject({ code: 'locked' });

    // Once the lock has ended (now is after 11 Nov 2026) the change may start.
    a = await step(a, { to: 'in_progress', flow: 'change' });
    expect(a.status).toBe('in_progress');
    const events = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM events WHERE account_id = ? AND type = 'transitioned'",
    )
      .bind(a.id)
      .first<{ n: number }>();
    expect(events?.n).toBe(4);
  });
});

describe('POST /accounts/:id/transitions: request rules', () => {
  it('needs If-Match (428), refuses a stale one (412) and a skipped state (409)', async () => {
    const a = await createAccount(team.editor.token);
    const missing = await call(`/accounts/${a.id}/transitions`, {
      token: team.editor.token,
      body: { to: 'in_progress' },
    });
    expect(missing.status).toBe(428);
    expect((await errorOf(missing)).code).toBe('precondition_required');
    const stale = await move({ id: a.id, version: 7 }, { to: 'in_progress' });
    expect(stale.status).toBe(412);
    const skipped = await move(a, { to: 'verified' });
    expect(skipped.status).toBe(409);
    expect((await errorOf(skipped)).details).toMatchObject({ code: 'not_allowed' });
  });

  it('refuses a rejection without a reason, and a time in the future', async () => {
    let a = await createAccount(team.editor.token);
    a = await step(a, { to: 'in_progress' });
    a = await step(a, { to: 'in_review' });
    const noReason = await move(a, { to: 'rejected' });
    expect(noReason.status).toBe(409);
    expect((await errorOf(noReason)).details).toMatchObject({ code: 'reason_required' });
    const future = await move(a, { to: 'rejected', reason: 'blurry', at: '2999-01-01T00:00:00Z' });
    expect(future.status).toBe(400);
    expect((await errorOf(future)).details).toEqual([{ path: 'at', message: expect.any(String) }]);
    const rejected = await step(a, { to: 'rejected', reason: 'Photo was blurry' });
    expect(rejected.rejectedReason).toBe('Photo was blurry');
  });

  it('validates the body (field paths) and the role', async () => {
    const a = await createAccount(team.editor.token);
    const bad = await move(a, { to: 'done', flow: 'sideways', extra: 1 });
    expect(bad.status).toBe(400);
    const paths = ((await errorOf(bad)).details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['to', 'flow']));
    const viewer = await call(`/accounts/${a.id}/transitions`, {
      token: team.viewer.token,
      body: { to: 'in_progress' },
      headers: { 'If-Match': '"1"' },
    });
    expect(viewer.status).toBe(403);
  });
});
