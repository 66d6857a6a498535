import type { YearCalendar } from './types';

/**
 * Chinese mainland public holidays for 2026, from the State Council General Office notice of
 * 2025-11-04 (domain-facts section 5).
 */
export const cn2026: YearCalendar = {
  year: 2026,
  sourceUrl: 'https://politics.gmw.cn/2025-11/04/content_38391083.htm',
  offDays: [
    // New Year's Day
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    // Spring Festival
    '2026-02-15',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-21',
    '2026-02-22',
    '2026-02-23',
    // Qingming
    '2026-04-04',
    '2026-04-05',
    '2026-04-06',
    // Labour Day
    '2026-05-01',
    '2026-05-02',
    '2026-05-03',
    '2026-05-04',
    '2026-05-05',
    // Dragon Boat Festival
    '2026-06-19',
    '2026-06-20',
    '2026-06-21',
    // Mid-Autumn Festival
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    // National Day
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
