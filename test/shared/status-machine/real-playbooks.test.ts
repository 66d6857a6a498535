import { describe, expect, it } from 'vitest';
import { PLAYBOOKS } from '../../../shared/playbooks';
import {
  type AccountState,
  applyTransition,
  changeEntityType,
  explainRefusal,
  type TransitionRequest,
} from '../../../shared/rules/status-machine';

// The seeds' rules, end to end, against the real playbooks.

const commsease = PLAYBOOKS.commsease;
const tencent = PLAYBOOKS['tencentcloud-intl'];

const fresh: AccountState = {
  status: 'unverified',
  entityType: 'individual',
  submittedAt: null,
  reviewWindow: null,
  verifiedAt: null,
  lockedUntil: null,
  rejectedReason: null,
};

/** Applies the requests in order, failing on the first refusal. */
const run = (
  playbook: typeof commsease,
  start: AccountState,
  requests: TransitionRequest[],
): AccountState =>
  requests.reduce((state, req) => {
    const result = applyTransition(playbook, state, req);
    if (!result.ok) throw new Error(`${req.to} refused: ${result.refusal.message.en}`);
    return result.state;
  }, start);

describe('CommsEase individual authentication (seed 002)', () => {
  // Verified 2026-03-01 10:00 in Beijing.
  const verified = run(commsease, fresh, [
    { to: 'in_progress', at: '2026-03-01T01:00:00Z' },
    { to: 'in_review', at: '2026-03-01T01:30:00Z' },
    { to: 'verified', at: '2026-03-01T02:00:00Z' },
  ]);

  it('publishes no review time, so no window, and starts a 30-day lock on completion', () => {
    expect(verified).toMatchObject({
      status: 'verified',
      submittedAt: '2026-03-01T01:30:00.000Z',
      reviewWindow: null,
      verifiedAt: '2026-03-01T02:00:00.000Z',
      lockedUntil: '2026-03-31T02:00:00.000Z',
    });
  });

  it('refuses an update on 2026-03-10, naming 2026-03-31 in both languages', () => {
    const result = applyTransition(commsease, verified, {
      to: 'in_progress',
      at: '2026-03-10T02:00:00Z',
      flow: 'update',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal.code).toBe('locked');
    expect(result.refusal.until).toBe('2026-03-31T02:00:00.000Z');
    expect(result.refusal.message.en).toContain('2026-03-31');
    expect(result.refusal.message.zh).toContain('2026-03-31');
    expect(result.refusal.sourceUrl).toBe(
      'https://doc.commsease.com/en/console/concept/TA1MjY1Nzk',
    );
    expect(explainRefusal(result.refusal, 'zh')).toContain('doc.commsease.com');
  });

  it('refuses a "change" too: CommsEase modifies details through its update (Edit) flow', () => {
    const result = applyTransition(commsease, verified, {
      to: 'in_progress',
      at: '2026-03-10T02:00:00Z',
    });
    expect(!result.ok && result.refusal.code).toBe('locked');
  });

  it('allows the update once the 30 days are over', () => {
    const result = applyTransition(commsease, verified, {
      to: 'in_progress',
      at: '2026-03-31T02:00:00Z',
      flow: 'update',
    });
    expect(result.ok).toBe(true);
  });

  it('allows an upgrade to enterprise during the lock, and then never back to individual', () => {
    const upgrading = run(commsease, verified, [
      { to: 'in_progress', at: '2026-03-10T02:00:00Z', flow: 'upgrade' },
    ]);
    expect(upgrading.status).toBe('in_progress');
    expect(changeEntityType(commsease, upgrading, 'enterprise')).toEqual({ ok: true });

    const enterprise = run(commsease, { ...upgrading, entityType: 'enterprise' }, [
      { to: 'in_review', at: '2026-03-11T02:00:00Z' },
      { to: 'verified', at: '2026-03-12T02:00:00Z' },
    ]);
    // The individual lock does not apply to the enterprise verification.
    expect(enterprise).toMatchObject({
      status: 'verified',
      entityType: 'enterprise',
      lockedUntil: null,
    });

    const back = changeEntityType(commsease, enterprise, 'individual');
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.refusal.code).toBe('irreversible');
    expect(back.refusal.message.en).toContain('never');
    expect(back.refusal.sourceUrl).toMatch(/^https:\/\/doc\.commsease\.com\//);

    const upgradeAgain = applyTransition(commsease, enterprise, {
      to: 'in_progress',
      at: '2026-05-01T02:00:00Z',
      flow: 'upgrade',
    });
    expect(!upgradeAgain.ok && upgradeAgain.refusal.code).toBe('already_enterprise');
  });
});

describe('Tencent Cloud International identity verification (seed 000)', () => {
  const inReview = run(tencent, fresh, [
    { to: 'in_progress', at: '2026-09-28T01:00:00Z' },
    // Tuesday 2026-09-29, 10:00 in Beijing, two days before National Day.
    { to: 'in_review', at: '2026-09-29T02:00:00Z' },
  ]);

  it('expects the review within 2 to 4 business days, skipping National Day', () => {
    expect(inReview.reviewWindow).toEqual({
      earliest: '2026-10-08',
      latest: '2026-10-10',
      estimate: false,
    });
  });

  const verified = run(tencent, inReview, [{ to: 'verified', at: '2026-10-09T06:00:00Z' }]);

  it('refuses a change within 30 days of the last verification', () => {
    expect(verified.lockedUntil).toBe('2026-11-08T06:00:00.000Z');
    const result = applyTransition(tencent, verified, {
      to: 'in_progress',
      at: '2026-10-20T00:00:00Z',
      flow: 'change',
    });
    expect(!result.ok && result.refusal.code).toBe('locked');
    expect(!result.ok && result.refusal.message.en).toContain('2026-11-08');
    expect(!result.ok && result.refusal.sourceUrl).toMatch(/^https:\/\//);
  });

  it('refuses it for an enterprise verification too (the rule covers both types)', () => {
    const result = applyTransition(
      tencent,
      { ...verified, entityType: 'enterprise' },
      { to: 'in_progress', at: '2026-10-20T00:00:00Z', flow: 'change' },
    );
    expect(!result.ok && result.refusal.code).toBe('locked');
  });

  it('allows the change after 30 days', () => {
    const result = applyTransition(tencent, verified, {
      to: 'in_progress',
      at: '2026-11-08T06:00:00Z',
      flow: 'change',
    });
    expect(result.ok).toBe(true);
  });
});
