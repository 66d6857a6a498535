import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dueNotifications, notifyDue } from '../../../extension/background/notify';
import { putRecord } from '../../../extension/background/records';
import { emptyRecord } from '../../../extension/records/local-record-store';
import type { AccountRecord } from '../../../extension/records/record-store';
import { A } from './support';

const rec = (over: Partial<AccountRecord>): AccountRecord => ({ ...emptyRecord(A), ...over });
const inReview = rec({
  status: 'in_review',
  submittedAt: '2026-11-16T02:00:00.000Z',
  reviewWindow: { earliest: '2026-11-18', latest: '2026-11-20', estimate: false },
});

describe('notifications', () => {
  it.each([
    ['a review still in its window', inReview, '2026-11-20T15:00:00Z', []],
    [
      'a review past its window (Asia/Shanghai end of day)',
      inReview,
      '2026-11-20T16:01:00Z',
      ['overdue'],
    ],
    [
      'a verified account (no review running)',
      { ...inReview, status: 'verified' as const },
      '2026-12-01T00:00:00Z',
      [],
    ],
    [
      'a lock that ended yesterday',
      rec({ lockedUntil: '2026-11-19T00:00:00.000Z' }),
      '2026-11-20T00:00:00Z',
      ['lock'],
    ],
    [
      'a lock still running',
      rec({ lockedUntil: '2026-11-21T00:00:00.000Z' }),
      '2026-11-20T00:00:00Z',
      [],
    ],
    [
      'a lock that ended months ago',
      rec({ lockedUntil: '2026-06-01T00:00:00.000Z' }),
      '2026-11-20T00:00:00Z',
      [],
    ],
  ])('%s', (_what, record, now, kinds) => {
    const due = dueNotifications([record], new Date(now), 'en');
    expect(due.map((d) => d.id.split(':')[0])).toEqual(kinds);
  });

  it('says it in Chinese when the language is Chinese', () => {
    const [due] = dueNotifications([inReview], new Date('2026-11-21T00:00:00Z'), 'zh');
    expect(due?.title).toBe('审核已超期');
    expect(due?.message).toContain('2026-11-20');
  });

  it('notifies each overdue review once, across restarts, and a new review again', async () => {
    fakeBrowser.reset();
    const deps = {
      now: () => new Date('2026-11-21T00:00:00Z'),
      id: () => 'x',
      api: () => {
        throw new Error('offline');
      },
    };
    await putRecord(A, inReview, deps);
    expect(await notifyDue(deps)).toHaveLength(1);
    expect(await notifyDue(deps)).toEqual([]);
    // Submitted again later, and that review runs late too: a new notification.
    await putRecord(A, { ...inReview, submittedAt: '2026-11-17T02:00:00.000Z' }, deps);
    expect(await notifyDue(deps)).toHaveLength(1);
  });
});
