import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  endOfLocalDay,
  isBusinessDay,
  isOverdue,
  localDate,
  localDateTime,
  lockEnd,
  reviewWindow,
} from '../../../shared/dates';
import type { ReviewWindowRule } from '../../../shared/playbooks/schema';

const twoToFour: ReviewWindowRule = { minBusinessDays: 2, maxBusinessDays: 4, sourceId: 'faq' };

describe('localDate', () => {
  it.each([
    ['2026-03-01T15:59:59Z', '2026-03-01'],
    ['2026-03-01T16:00:00Z', '2026-03-02'],
    // 23:30 UTC is already 07:30 the next morning in Shanghai.
    ['2026-03-01T23:30:00Z', '2026-03-02'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2026-03-02T07:30:00+08:00', '2026-03-02'],
    ['2026-03-01T20:00:00-05:00', '2026-03-02'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(localDate(instant)).toBe(date);
  });

  it('uses the given zone', () => {
    expect(localDate('2026-03-01T23:30:00Z', 'UTC')).toBe('2026-03-01');
    expect(localDate('2026-03-02T03:00:00Z', 'America/New_York')).toBe('2026-03-01');
  });

  it.each([
    '',
    'yesterday',
    '2026-03-01',
    '2026-02-30T10:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T10:00:00',
    'March 1 2026 10:00 UTC',
  ])('answers an empty string for %j', (input) => {
    expect(localDate(input)).toBe('');
  });

  it('answers an empty string for an unknown zone', () => {
    expect(localDate('2026-03-01T10:00:00Z', 'Mars/Olympus_Mons')).toBe('');
  });

  it('formats date and time for messages', () => {
    expect(localDateTime('2026-03-31T02:00:00Z')).toBe('2026-03-31 10:00');
  });
});

describe('isBusinessDay in 2026', () => {
  it.each([
    ['2026-01-01', false, 'New Year'],
    ['2026-01-04', true, 'Sunday make-up day for New Year'],
    ['2026-02-13', true, 'Friday before Spring Festival'],
    ['2026-02-14', true, 'Saturday make-up day'],
    ['2026-02-15', false, 'Spring Festival starts (Sunday)'],
    ['2026-02-16', false, 'Spring Festival Monday'],
    ['2026-02-20', false, 'Spring Festival Friday'],
    ['2026-02-23', false, 'last day of Spring Festival (Monday)'],
    ['2026-02-24', true, 'first working day after Spring Festival'],
    ['2026-02-28', true, 'Saturday make-up day'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-03-02', true, 'ordinary Monday'],
    ['2026-03-07', false, 'ordinary Saturday'],
    ['2026-04-06', false, 'Qingming Monday'],
    ['2026-05-09', true, 'Saturday make-up day for Labour Day'],
    ['2026-09-20', true, 'Sunday make-up day for National Day'],
    ['2026-09-25', false, 'Mid-Autumn Friday'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of National Day (Wednesday)'],
    ['2026-10-08', true, 'first working day after National Day'],
    ['2026-10-10', true, 'Saturday make-up day'],
    ['2026-10-11', false, 'Sunday after'],
  ])('%s is a business day: %s (%s)', (date, business) => {
    expect(isBusinessDay(date)).toEqual({ business, estimate: false });
  });

  it('falls back to Monday-Friday, marked as an estimate, for years without data', () => {
    expect(isBusinessDay('2027-01-01')).toEqual({ business: true, estimate: true });
    expect(isBusinessDay('2027-01-02')).toEqual({ business: false, estimate: true });
    expect(isBusinessDay('2025-10-01')).toEqual({ business: true, estimate: true });
  });

  it('answers not-a-business-day, estimated, for a date that does not exist', () => {
    expect(isBusinessDay('2026-02-29')).toEqual({ business: false, estimate: true });
    expect(isBusinessDay('next week')).toEqual({ business: false, estimate: true });
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-02-16', 0, '2026-02-16'], // day 0 is the date itself, even on a holiday
    ['2026-03-06', 1, '2026-03-09'], // Friday + 1 = Monday
    ['2026-02-12', 1, '2026-02-13'],
    ['2026-02-12', 2, '2026-02-14'], // the Saturday make-up day counts
    ['2026-02-12', 3, '2026-02-24'], // then the whole Spring Festival is skipped
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-16', 1, '2026-02-24'], // counting from inside the holiday
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-27', 2, '2026-03-02'],
    ['2026-09-18', 1, '2026-09-20'], // the Sunday make-up day counts
    ['2026-09-24', 1, '2026-09-28'], // Mid-Autumn Friday and weekend skipped
    ['2026-09-30', 1, '2026-10-08'], // National Day skipped
    ['2026-09-30', 3, '2026-10-10'], // Saturday make-up day
    ['2026-09-30', 4, '2026-10-12'],
    ['2025-12-31', 1, '2026-01-04'], // New Year off, Sunday make-up day
  ])('%s + %i business days = %s', (date, n, expected) => {
    expect(addBusinessDays(date, n)).toEqual({ date: expected, estimate: false });
  });

  it('marks results that count through a year without data as estimates', () => {
    expect(addBusinessDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', estimate: true });
    expect(addBusinessDays('2026-12-30', 1)).toEqual({ date: '2026-12-31', estimate: false });
    expect(addBusinessDays('2027-03-05', 1)).toEqual({ date: '2027-03-08', estimate: true });
  });

  it.each([
    ['2026-03-02', -1],
    ['2026-03-02', 1.5],
    ['2026-03-02', Number.NaN],
    ['2026-03-02', Number.POSITIVE_INFINITY],
    ['2026-13-01', 1],
    ['9999-12-31', 1],
  ])('answers an empty date for %j + %s', (date, n) => {
    expect(addBusinessDays(date, n)).toEqual({ date: '', estimate: true });
  });
});

describe('reviewWindow', () => {
  it.each([
    // Thursday 18:00 in Shanghai: day 2 is the make-up Saturday, day 4 is after the holiday.
    ['2026-02-12T10:00:00Z', '2026-02-14', '2026-02-25'],
    // 23:30 UTC Thursday is Friday morning in Shanghai, so counting starts a day later.
    ['2026-02-12T23:30:00Z', '2026-02-24', '2026-02-26'],
    ['2026-09-29T02:00:00Z', '2026-10-08', '2026-10-10'],
    // Submitted on a Sunday: counting starts on Monday.
    ['2026-03-08T04:00:00Z', '2026-03-10', '2026-03-12'],
  ])('submitted %s: %s to %s', (submittedAt, earliest, latest) => {
    expect(reviewWindow(submittedAt, twoToFour)).toEqual({ earliest, latest, estimate: false });
  });

  it('is an estimate when the window reaches a year without data', () => {
    expect(reviewWindow('2026-12-29T02:00:00Z', twoToFour)).toEqual({
      earliest: '2026-12-31',
      latest: '2027-01-04',
      estimate: true,
    });
  });

  it('is null when the provider publishes no review time or the instant is unreadable', () => {
    expect(reviewWindow('2026-03-02T02:00:00Z', null)).toBeNull();
    expect(reviewWindow('soon', twoToFour)).toBeNull();
  });
});

describe('isOverdue and endOfLocalDay', () => {
  const window = { earliest: '2026-02-24', latest: '2026-02-25', estimate: false };

  it('ends a Shanghai day at 15:59:59.999 UTC', () => {
    expect(endOfLocalDay('2026-02-25')).toBe('2026-02-25T15:59:59.999Z');
    expect(endOfLocalDay('2026-02-25', 'UTC')).toBe('2026-02-25T23:59:59.999Z');
    // New York moves to daylight time on 2026-03-08.
    expect(endOfLocalDay('2026-03-08', 'America/New_York')).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfLocalDay('2026-02-30')).toBe('');
  });

  it.each([
    ['2026-02-25T10:00:00Z', false],
    ['2026-02-25T15:59:59.999Z', false],
    ['2026-02-25T16:00:00Z', true],
    ['2026-02-26T00:00:00+08:00', true],
    ['2026-03-10T00:00:00Z', true],
    ['not a time', false],
  ])('at %s overdue: %s', (now, overdue) => {
    expect(isOverdue(window, now)).toBe(overdue);
  });

  it('is never overdue for an unreadable window', () => {
    expect(
      isOverdue({ earliest: '', latest: 'later', estimate: true }, '2030-01-01T00:00:00Z'),
    ).toBe(false);
  });
});

describe('lockEnd', () => {
  it.each([
    ['2026-03-01T02:00:00Z', 30, '2026-03-31T02:00:00.000Z'],
    ['2026-02-10T16:30:00+08:00', 30, '2026-03-12T08:30:00.000Z'],
    ['2026-12-15T00:00:00Z', 30, '2027-01-14T00:00:00.000Z'],
  ])('%s + %i days = %s', (verifiedAt, days, end) => {
    expect(lockEnd(verifiedAt, days)).toBe(end);
  });

  it('answers an empty string for unreadable input', () => {
    expect(lockEnd('2026-03-01', 30)).toBe('');
    expect(lockEnd('2026-03-01T02:00:00Z', -1)).toBe('');
    expect(lockEnd('2026-03-01T02:00:00Z', Number.NaN)).toBe('');
  });
});

describe('never throws', () => {
  it('on any string, number or zone', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer(), fc.string(), (s, n, zone) => {
        localDate(s);
        localDate(s, zone);
        localDateTime(s, zone);
        isBusinessDay(s);
        addBusinessDays(s, n);
        reviewWindow(s, twoToFour, zone);
        endOfLocalDay(s, zone);
        isOverdue({ earliest: s, latest: s, estimate: false }, s, zone);
        lockEnd(s, n);
      }),
    );
  });

  it('on values that are not strings at all', () => {
    const junk = [undefined, null, 42, {}, [], Symbol('x')] as unknown as string[];
    for (const value of junk) {
      expect(localDate(value)).toBe('');
      expect(isBusinessDay(value)).toEqual({ business: false, estimate: true });
      expect(lockEnd(value, 30)).toBe('');
      expect(isOverdue(value as unknown as never, '2026-01-01T00:00:00Z')).toBe(false);
    }
  });

  it('on generated real instants, giving a date that round-trips', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString();
          const local = localDate(iso);
          expect(local).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          const end = endOfLocalDay(local);
          expect(Date.parse(end)).toBeGreaterThanOrEqual(d.getTime());
          expect(Date.parse(end) - d.getTime()).toBeLessThan(86_400_000);
        },
      ),
    );
  });
});
