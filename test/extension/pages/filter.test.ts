import { describe, expect, it } from 'vitest';
import type { AccountRow } from '../../../extension/background/pages';
import { applyFilter, NO_FILTER } from '../../../extension/pages/dashboard/filter';
import { emptyRecord } from '../../../extension/records/local-record-store';
import type { AccountRecord } from '../../../extension/records/record-store';

const row = (
  provider: AccountRecord['provider'],
  externalId: string,
  over: Partial<AccountRecord> = {},
  owner: string | null = null,
  label: string | null = null,
): AccountRow => {
  const record = { ...emptyRecord({ provider, externalId }), ...over };
  return {
    key: { provider, externalId },
    record,
    account: {
      id: externalId,
      provider,
      externalId,
      label,
      entityType: record.entityType,
      status: record.status,
      ownerMemberId: owner,
      submittedAt: record.submittedAt,
      reviewWindow: record.reviewWindow,
      overdue: externalId === 'late',
      verifiedAt: null,
      rejectedReason: null,
      lockedUntil: null,
      checklist: record.checklist,
      notes: null,
      version: 1,
      createdAt: record.updatedAt,
      updatedAt: record.updatedAt,
    },
    pending: false,
  };
};

const window = (latest: string) => ({ earliest: latest, latest, estimate: false });
const ROWS: AccountRow[] = [
  row('tencentcloud-intl', 'late', {
    status: 'in_review',
    reviewWindow: window('2026-11-10'),
    updatedAt: '2026-11-01T00:00:00Z',
  }),
  row(
    'tencentcloud-intl',
    'fresh',
    {
      status: 'in_review',
      reviewWindow: window('2026-12-01'),
      updatedAt: '2026-11-19T00:00:00Z',
    },
    'm-olga',
  ),
  row(
    'commsease',
    'ops@x.test',
    { status: 'verified', updatedAt: '2026-11-05T00:00:00Z' },
    'm-olga',
    'Client Acme',
  ),
  row('commsease', 'new@x.test', { updatedAt: '2026-11-20T00:00:00Z' }),
];
const ids = (rows: AccountRow[]) => rows.map((r) => r.key.externalId);

describe('dashboard filter, search and sort', () => {
  it.each([
    ['no filter: newest change first', {}, ['new@x.test', 'fresh', 'ops@x.test', 'late']],
    ['by provider', { provider: 'commsease' }, ['new@x.test', 'ops@x.test']],
    ['by status', { status: 'in_review' }, ['fresh', 'late']],
    ['only overdue', { overdue: true }, ['late']],
    ['by owner', { owner: 'm-olga' }, ['fresh', 'ops@x.test']],
    ['unassigned', { owner: '-' }, ['new@x.test', 'late']],
    ['search in the label', { q: 'acme' }, ['ops@x.test']],
    ['search in the account id', { q: 'FRE' }, ['fresh']],
    [
      'sort by review window end',
      { sort: 'window' as const, status: 'in_review' },
      ['late', 'fresh'],
    ],
    [
      'sort by provider',
      { sort: 'provider' as const },
      ['new@x.test', 'ops@x.test', 'fresh', 'late'],
    ],
  ])('%s', (_what, f, expected) => {
    expect(ids(applyFilter(ROWS, { ...NO_FILTER, ...f }))).toEqual(expected);
  });
});
