import { describe, expect, it } from 'vitest';
import { moveTo, type Target } from '../../../extension/content/overlay/transitions';
import { emptyRecord } from '../../../extension/records/local-record-store';
import type { AccountRecord } from '../../../extension/records/record-store';
import { commsease } from '../../../shared/playbooks/commsease';
import { tencentcloudIntl } from '../../../shared/playbooks/tencentcloud-intl';

const AT = '2026-11-20T02:00:00.000Z';
const base = (patch: Partial<AccountRecord>): AccountRecord => ({
  ...emptyRecord({ provider: 'commsease', externalId: 'a' }),
  ...patch,
});
const flow = (id: string) => commsease.flows.find((f) => f.id === id) ?? null;

describe('moving a record through the status machine', () => {
  it.each<
    [
      string,
      Partial<AccountRecord>,
      Target,
      string | null,
      boolean,
      AccountRecord['status'] | string,
    ]
  >([
    [
      'submitting a fresh record starts and submits it',
      {},
      'in_review',
      'individual',
      false,
      'in_review',
    ],
    [
      'submitting again after a rejection',
      { status: 'rejected', rejectedReason: 'x' },
      'in_review',
      'individual',
      false,
      'in_review',
    ],
    [
      'approval of a submitted review',
      { status: 'in_review', entityType: 'individual' },
      'verified',
      null,
      true,
      'verified',
    ],
    ['approval without a submission is refused', {}, 'verified', null, true, 'not_allowed'],
    [
      'rejection without a reason is refused',
      { status: 'in_review' },
      'rejected',
      null,
      true,
      'reason_required',
    ],
    [
      'an update inside the 30-day lock is refused',
      {
        status: 'verified',
        entityType: 'individual',
        verifiedAt: '2026-11-10T00:00:00.000Z',
        lockedUntil: '2026-12-10T00:00:00.000Z',
      },
      'in_review',
      'update',
      false,
      'locked',
    ],
    [
      'an upgrade inside the same lock is allowed',
      {
        status: 'verified',
        entityType: 'individual',
        verifiedAt: '2026-11-10T00:00:00.000Z',
        lockedUntil: '2026-12-10T00:00:00.000Z',
      },
      'in_review',
      'upgrade',
      false,
      'in_review',
    ],
  ])('%s', (_name, patch, target, flowId, direct, expected) => {
    const result = moveTo(commsease, base(patch), target, {
      at: AT,
      flow: flowId ? flow(flowId) : null,
      direct,
    });
    if (result.ok) expect(result.record.status).toBe(expected);
    else expect(result.refusal.code).toBe(expected);
  });

  it('records the flow type before the review so the right window applies', () => {
    const individual = tencentcloudIntl.flows.find((f) => f.id === 'individual') ?? null;
    const result = moveTo(tencentcloudIntl, base({ provider: 'tencentcloud-intl' }), 'in_review', {
      at: AT,
      flow: individual,
    });
    expect(result.ok && result.record.entityType).toBe('individual');
    expect(result.ok && result.record.reviewWindow?.latest).toBeTruthy();
  });

  it('the upgrade makes the account enterprise', () => {
    const result = moveTo(
      commsease,
      base({
        status: 'verified',
        entityType: 'individual',
        verifiedAt: '2026-10-01T00:00:00.000Z',
      }),
      'in_review',
      { at: AT, flow: flow('upgrade') },
    );
    expect(result.ok && result.record.entityType).toBe('enterprise');
  });
});
