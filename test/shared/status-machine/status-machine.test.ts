import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lock } from '../../../shared/playbooks/schema';
import {
  type AccountState,
  allowedTransitions,
  applyTransition,
  changeEntityType,
  explainRefusal,
  type Refusal,
  STATUSES,
  type Status,
  type TransitionRequest,
} from '../../../shared/rules/status-machine';
import { individualLock, LOCK_URL, makePlaybook, RULES_URL } from './playbook-fixture';

const state = (overrides: Partial<AccountState> = {}): AccountState => ({
  status: 'unverified',
  entityType: 'individual',
  submittedAt: null,
  reviewWindow: null,
  verifiedAt: null,
  lockedUntil: null,
  rejectedReason: null,
  ...overrides,
});

const AT = '2026-03-02T02:00:00.000Z';

/** The refusal of a request that must be refused (fails the test otherwise). */
const refusalOf = (
  result: ReturnType<typeof applyTransition> | ReturnType<typeof changeEntityType>,
): Refusal => {
  if (result.ok) throw new Error('expected a refusal, got ok');
  return result.refusal;
};

describe('which moves exist', () => {
  const allowed: Record<Status, Status[]> = {
    unverified: ['in_progress'],
    in_progress: ['in_review', 'unverified'],
    in_review: ['verified', 'rejected'],
    verified: ['in_progress'],
    rejected: ['in_progress'],
  };
  const pairs = STATUSES.flatMap((from) =>
    STATUSES.map((to) => [from, to, allowed[from].includes(to)] as const),
  );
  const playbook = makePlaybook();

  it.each(pairs)('%s -> %s allowed: %s', (from, to, ok) => {
    const current = state({
      status: from,
      verifiedAt: from === 'verified' ? '2025-01-01T00:00:00.000Z' : null,
    });
    const result = applyTransition(playbook, current, { to, at: AT, reason: 'blurry photo' });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.refusal.code).toBe('not_allowed');
      expect(result.refusal.message.en).toContain('Verification goes');
      expect(result.refusal.message.zh).toContain('认证的顺序');
      expect(result.refusal.sourceUrl).toBe(RULES_URL);
    }
  });
});

describe('submitting for review', () => {
  const rule = { minBusinessDays: 2, maxBusinessDays: 4, sourceId: 'rules' };
  const playbook = makePlaybook({ individualWindow: rule, enterpriseWindow: null });

  it('records the submission time and the review window of the account type', () => {
    const result = applyTransition(playbook, state({ status: 'in_progress' }), {
      to: 'in_review',
      at: '2026-02-12T18:00:00+08:00',
    });
    expect(result).toEqual({
      ok: true,
      state: state({
        status: 'in_review',
        submittedAt: '2026-02-12T10:00:00.000Z',
        // Day 2 is the make-up Saturday before Spring Festival; day 4 comes after it.
        reviewWindow: { earliest: '2026-02-14', latest: '2026-02-25', estimate: false },
      }),
    });
  });

  it.each<[AccountState['entityType']]>([['enterprise'], ['unknown']])(
    'has no review window for a %s account here',
    (entityType) => {
      const result = applyTransition(playbook, state({ status: 'in_progress', entityType }), {
        to: 'in_review',
        at: AT,
      });
      expect(result.ok && result.state.reviewWindow).toBeNull();
      expect(result.ok && result.state.submittedAt).toBe(AT);
    },
  );
});

describe('approval sets the verification time and the lock end', () => {
  const enterpriseLock: Lock = { ...individualLock, id: 'any-60', entityType: undefined, days: 60 };
  it.each<[string, Lock[], AccountState['entityType'], string | null]>([
    ['no locks', [], 'individual', null],
    [
      'an individual lock on an individual account',
      [individualLock],
      'individual',
      '2026-04-01T02:00:00.000Z',
    ],
    ['an individual lock on an enterprise account', [individualLock], 'enterprise', null],
    [
      'the later of two locks',
      [individualLock, enterpriseLock],
      'individual',
      '2026-05-01T02:00:00.000Z',
    ],
    ['a lock for any type', [enterpriseLock], 'enterprise', '2026-05-01T02:00:00.000Z'],
  ])('%s', (_, locks, entityType, lockedUntil) => {
    const result = applyTransition(
      makePlaybook({ locks }),
      state({ status: 'in_review', entityType, rejectedReason: 'old reason' }),
      { to: 'verified', at: AT },
    );
    expect(result.ok && result.state).toMatchObject({
      status: 'verified',
      verifiedAt: AT,
      lockedUntil,
      rejectedReason: null,
    });
  });
});

describe('rejection keeps the reason', () => {
  const playbook = makePlaybook();
  const inReview = state({ status: 'in_review', submittedAt: AT });

  it.each([[undefined], [''], ['   ']])('refuses a rejection without a reason (%j)', (reason) => {
    const refusal = refusalOf(
      applyTransition(playbook, inReview, { to: 'rejected', at: AT, reason }),
    );
    expect(refusal.code).toBe('reason_required');
    expect(refusal.message.zh).toContain('驳回原因');
  });

  it('stores the trimmed reason and keeps it while the next attempt is prepared', () => {
    const rejected = applyTransition(playbook, inReview, {
      to: 'rejected',
      at: AT,
      reason: '  photo is blurry ',
    });
    expect(rejected.ok && rejected.state.rejectedReason).toBe('photo is blurry');
    if (!rejected.ok) return;
    const retry = applyTransition(playbook, rejected.state, { to: 'in_progress', at: AT });
    expect(retry.ok && retry.state).toMatchObject({
      status: 'in_progress',
      rejectedReason: 'photo is blurry',
    });
  });
});

describe('changes of a verified account while a lock runs', () => {
  const verifiedAt = '2026-03-01T02:00:00.000Z';
  const verified = state({
    status: 'verified',
    verifiedAt,
    lockedUntil: '2026-03-31T02:00:00.000Z',
  });
  const withChange = makePlaybook({ locks: [individualLock] });
  // A provider that calls modifying the details an update (CommsEase's Edit), not a change.
  const withUpdate = makePlaybook({
    locks: [{ ...individualLock, refuses: ['update'] }],
    flowKinds: ['individual', 'enterprise', 'update', 'upgrade'],
  });

  it.each<[string, ReturnType<typeof makePlaybook>, TransitionRequest, Refusal['code'] | 'ok']>([
    [
      'a change on day 9',
      withChange,
      { to: 'in_progress', at: '2026-03-10T02:00:00Z', flow: 'change' },
      'locked',
    ],
    [
      'an update on day 9',
      withChange,
      { to: 'in_progress', at: '2026-03-10T02:00:00Z', flow: 'update' },
      'locked',
    ],
    [
      'a change with the flow left out',
      withChange,
      { to: 'in_progress', at: '2026-03-10T02:00:00Z' },
      'locked',
    ],
    [
      'a change a second before the end',
      withChange,
      { to: 'in_progress', at: '2026-03-31T01:59:59Z', flow: 'change' },
      'locked',
    ],
    [
      'a change at the end',
      withChange,
      { to: 'in_progress', at: '2026-03-31T02:00:00Z', flow: 'change' },
      'ok',
    ],
    [
      'an upgrade on day 9',
      withChange,
      { to: 'in_progress', at: '2026-03-10T02:00:00Z', flow: 'upgrade' },
      'ok',
    ],
    [
      'a "change" where the provider only has updates',
      withUpdate,
      { to: 'in_progress', at: '2026-03-10T02:00:00Z' },
      'locked',
    ],
    [
      'an update where the lock refuses updates',
      withUpdate,
      { to: 'in_progress', at: '2026-03-10T02:00:00Z', flow: 'update' },
      'locked',
    ],
    [
      'an upgrade where the lock refuses updates',
      withUpdate,
      { to: 'in_progress', at: '2026-03-10T02:00:00Z', flow: 'upgrade' },
      'ok',
    ],
    [
      'a new individual verification',
      withChange,
      { to: 'in_progress', at: '2026-04-10T02:00:00Z', flow: 'individual' },
      'not_allowed',
    ],
  ])('%s: %s', (_, playbook, req, expected) => {
    const result = applyTransition(playbook, verified, req);
    if (expected === 'ok')
      expect(result).toEqual({ ok: true, state: { ...verified, status: 'in_progress' } });
    else expect(refusalOf(result).code).toBe(expected);
  });

  it('names the end date in both languages and links the rule', () => {
    const refusal = refusalOf(
      applyTransition(withChange, verified, {
        to: 'in_progress',
        at: '2026-03-10T02:00:00Z',
        flow: 'change',
      }),
    );
    expect(refusal).toEqual({
      code: 'locked',
      until: '2026-03-31T02:00:00.000Z',
      sourceUrl: LOCK_URL,
      message: {
        en: 'The subject cannot change for 30 days. A change can start from 2026-03-31 10:00 (China Standard Time, UTC+8).',
        zh: '30 天内不能变更认证主体。可在 2026-03-31 10:00（北京时间）之后发起变更。',
      },
    });
  });

  it('does not apply an individual lock to an enterprise account', () => {
    const enterprise = { ...verified, entityType: 'enterprise' as const, lockedUntil: null };
    expect(
      applyTransition(withChange, enterprise, { to: 'in_progress', at: '2026-03-10T02:00:00Z' }).ok,
    ).toBe(true);
  });

  it('uses the recorded lock end when the verification time is unknown', () => {
    const imported = { ...verified, verifiedAt: null };
    const refusal = refusalOf(
      applyTransition(withChange, imported, { to: 'in_progress', at: '2026-03-10T02:00:00Z' }),
    );
    expect(refusal.until).toBe('2026-03-31T02:00:00.000Z');
  });
});

describe('upgrades', () => {
  const verified = state({ status: 'verified', verifiedAt: '2025-01-01T00:00:00Z' });

  it('refuses an upgrade of an enterprise account', () => {
    const refusal = refusalOf(
      applyTransition(
        makePlaybook(),
        { ...verified, entityType: 'enterprise' },
        { to: 'in_progress', at: AT, flow: 'upgrade' },
      ),
    );
    expect(refusal.code).toBe('already_enterprise');
    expect(refusal.message.en).toContain('already verified as an enterprise');
    expect(refusal.message.zh).toContain('已是企业认证');
    expect(refusal.sourceUrl).toBe(RULES_URL);
  });

  it('refuses an upgrade where the provider has none, pointing to a change', () => {
    const playbook = makePlaybook({ flowKinds: ['individual', 'enterprise', 'change'] });
    const refusal = refusalOf(
      applyTransition(playbook, verified, { to: 'in_progress', at: AT, flow: 'upgrade' }),
    );
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message.en).toContain('start a change');
  });
});

describe('abandoning', () => {
  const playbook = makePlaybook();

  it('lets a first verification be abandoned, back to not verified', () => {
    const result = applyTransition(
      playbook,
      state({ status: 'in_progress', submittedAt: AT, rejectedReason: 'blurry' }),
      { to: 'unverified', at: AT },
    );
    expect(result).toEqual({ ok: true, state: state() });
  });

  it('refuses it for an account verified before: verification is not revoked', () => {
    const refusal = refusalOf(
      applyTransition(
        playbook,
        state({ status: 'in_progress', verifiedAt: '2025-01-01T00:00:00Z' }),
        {
          to: 'unverified',
          at: AT,
        },
      ),
    );
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message.en).toContain('cannot go back to not verified');
  });
});

describe('changing the verification type', () => {
  const playbook = makePlaybook({
    irreversible: [
      {
        from: 'enterprise',
        to: 'individual',
        message: { en: 'Enterprise is final.', zh: '企业认证不可逆。' },
        sourceId: 'lock-doc',
      },
    ],
  });
  const verifiedBefore = '2025-01-01T00:00:00Z';

  it.each<[string, Partial<AccountState>, AccountState['entityType'], Refusal['code'] | 'ok']>([
    [
      'choosing a type before verifying',
      { status: 'unverified', entityType: 'unknown' },
      'enterprise',
      'ok',
    ],
    [
      'switching types before the first verification',
      { status: 'in_progress', entityType: 'enterprise' },
      'individual',
      'ok',
    ],
    [
      'switching after a first rejection',
      { status: 'rejected', entityType: 'enterprise' },
      'individual',
      'ok',
    ],
    [
      'the same type',
      { status: 'verified', entityType: 'enterprise', verifiedAt: verifiedBefore },
      'enterprise',
      'ok',
    ],
    [
      'recording the type of a verified account whose type was unknown',
      { status: 'verified', entityType: 'unknown', verifiedAt: verifiedBefore },
      'enterprise',
      'ok',
    ],
    [
      'upgrading during an upgrade flow',
      { status: 'in_progress', entityType: 'individual', verifiedAt: verifiedBefore },
      'enterprise',
      'ok',
    ],
    [
      'enterprise back to individual, verified',
      { status: 'verified', entityType: 'enterprise', verifiedAt: verifiedBefore },
      'individual',
      'irreversible',
    ],
    [
      'enterprise back to individual during a change',
      { status: 'in_progress', entityType: 'enterprise', verifiedAt: verifiedBefore },
      'individual',
      'irreversible',
    ],
    [
      'individual to enterprise silently on a verified account',
      { status: 'verified', entityType: 'individual', verifiedAt: verifiedBefore },
      'enterprise',
      'not_allowed',
    ],
    [
      'a verified type back to unknown',
      { status: 'verified', entityType: 'individual', verifiedAt: verifiedBefore },
      'unknown',
      'not_allowed',
    ],
    [
      'a type that does not exist',
      { status: 'unverified' },
      'company' as AccountState['entityType'],
      'not_allowed',
    ],
  ])('%s: %s', (_, current, to, expected) => {
    const result = changeEntityType(playbook, state(current), to);
    if (expected === 'ok') expect(result).toEqual({ ok: true });
    else expect(refusalOf(result).code).toBe(expected);
  });

  it('explains an irreversible change with the provider rule and its source', () => {
    const refusal = refusalOf(
      changeEntityType(
        playbook,
        state({ status: 'verified', entityType: 'enterprise', verifiedAt: verifiedBefore }),
        'individual',
      ),
    );
    expect(refusal.message.en).toContain('Enterprise is final.');
    expect(refusal.message.zh).toContain('企业认证不可逆。');
    expect(refusal.sourceUrl).toBe(LOCK_URL);
  });

  it('allows enterprise back to individual where the provider has no such rule', () => {
    expect(
      changeEntityType(
        makePlaybook(),
        state({ status: 'in_progress', entityType: 'enterprise', verifiedAt: verifiedBefore }),
        'individual',
      ),
    ).toEqual({ ok: true });
  });
});

describe('allowedTransitions', () => {
  const playbook = makePlaybook({
    locks: [individualLock],
    flowKinds: ['individual', 'enterprise', 'change'],
  });

  it.each<[string, Partial<AccountState>, string, Status[]]>([
    ['new account', {}, AT, ['in_progress']],
    ['first attempt in progress', { status: 'in_progress' }, AT, ['unverified', 'in_review']],
    [
      'change in progress',
      { status: 'in_progress', verifiedAt: '2025-01-01T00:00:00Z' },
      AT,
      ['in_review'],
    ],
    [
      'in review (rejecting needs a reason, still offered)',
      { status: 'in_review' },
      AT,
      ['verified', 'rejected'],
    ],
    [
      'verified, lock running, no upgrade flow',
      { status: 'verified', verifiedAt: '2026-03-01T02:00:00Z' },
      '2026-03-10T00:00:00Z',
      [],
    ],
    [
      'verified, lock over',
      { status: 'verified', verifiedAt: '2026-03-01T02:00:00Z' },
      '2026-04-10T00:00:00Z',
      ['in_progress'],
    ],
  ])('%s', (_, current, at, expected) => {
    expect(allowedTransitions(playbook, state(current), at)).toEqual(expected);
  });
});

describe('explainRefusal', () => {
  const refusal: Refusal = {
    code: 'locked',
    message: { en: 'Wait.', zh: '请等待。' },
    sourceUrl: LOCK_URL,
  };
  it('speaks the user language and links the source', () => {
    expect(explainRefusal(refusal, 'en')).toBe(`Wait. (Source: ${LOCK_URL})`);
    expect(explainRefusal(refusal, 'zh')).toBe(`请等待。（来源：${LOCK_URL}）`);
    expect(explainRefusal({ ...refusal, sourceUrl: undefined }, 'en')).toBe('Wait.');
  });
});

describe('never throws', () => {
  it('refuses an unreadable time', () => {
    const refusal = refusalOf(
      applyTransition(makePlaybook(), state(), { to: 'in_progress', at: 'now' }),
    );
    expect(refusal.code).toBe('not_allowed');
    expect(refusal.message.en).toContain('"now"');
  });

  it('on any state, request or playbook', () => {
    const playbooks = fc.constantFrom(
      makePlaybook(),
      makePlaybook({ locks: [individualLock] }),
      {} as never,
      null as never,
    );
    fc.assert(
      fc.property(
        playbooks,
        fc.anything(),
        fc.anything(),
        fc.anything(),
        (playbook, current, req, to) => {
          const result = applyTransition(
            playbook,
            current as AccountState,
            req as TransitionRequest,
          );
          if (!result.ok) expect(typeof explainRefusal(result.refusal, 'zh')).toBe('string');
          changeEntityType(playbook, current as AccountState, to as AccountState['entityType']);
          expect(
            Array.isArray(
              allowedTransitions(
                playbook,
                current as AccountState,
                typeof to === 'string' ? to : AT,
              ),
            ),
          ).toBe(true);
        },
      ),
    );
  });

  it('on generated well-formed states and requests', () => {
    const statusArb = fc.constantFrom(...STATUSES);
    const instant = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2030-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
    fc.assert(
      fc.property(
        statusArb,
        statusArb,
        fc.constantFrom('individual', 'enterprise', 'unknown') as fc.Arbitrary<
          AccountState['entityType']
        >,
        fc.option(instant),
        instant,
        fc.option(
          fc.constantFrom('change', 'update', 'upgrade', 'individual') as fc.Arbitrary<
            TransitionRequest['flow']
          >,
        ),
        (from, to, entityType, verifiedAt, at, flow) => {
          const result = applyTransition(
            makePlaybook({
              locks: [individualLock],
              individualWindow: { minBusinessDays: 2, maxBusinessDays: 4, sourceId: 'rules' },
            }),
            state({ status: from, entityType, verifiedAt }),
            { to, at, flow: flow ?? undefined, reason: 'r' },
          );
          if (result.ok) expect(result.state.status).toBe(to);
          else {
            expect(result.refusal.message.en.length).toBeGreaterThan(0);
            expect(result.refusal.message.zh.length).toBeGreaterThan(0);
            expect(result.refusal.sourceUrl).toMatch(/^https:\/\//);
          }
        },
      ),
    );
  });
});
