import type { ReviewWindowRule } from '../playbooks/schema';
import { CN_CALENDAR_YEARS } from './calendars';

/**
 * Business days, review windows and lock ends for providers in the Chinese mainland.
 *
 * Dates are 'YYYY-MM-DD' strings in the provider's time zone; instants are ISO 8601 strings
 * (`2026-03-01T08:00:00Z`, offsets allowed on input, always UTC on output). Nothing here throws:
 * input that is not a date or an instant gives `''`, `null` or `false` as each function says,
 * never a guessed date.
 */

export const PROVIDER_TIME_ZONE = 'Asia/Shanghai';

export interface ReviewWindow {
  /** First local date the review may finish on. */
  earliest: string;
  /** Last local date the review should finish on; after this day it is overdue. */
  latest: string;
  /** True when part of the window falls in a year without a published holiday schedule. */
  estimate: boolean;
}

const DAY_MS = 86_400_000;
// toISOString works up to year 275760, but 'YYYY-MM-DD' needs four digits.
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
// A review window is days or weeks; the cap keeps a bad `n` from looping for long.
const MAX_BUSINESS_DAYS = 100_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Days since 1970-01-01 for a real 'YYYY-MM-DD' date, else null. */
const dayNumber = (date: unknown): number | null => {
  if (typeof date !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
};

const fromDayNumber = (n: number): string => {
  const d = new Date(n * DAY_MS);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year) || year < MIN_YEAR || year > MAX_YEAR) return '';
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** True for a real calendar date written 'YYYY-MM-DD'. */
export const isIsoDate = (value: unknown): value is string => dayNumber(value) !== null;

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Milliseconds since the epoch for an ISO 8601 instant with a time and a zone (`Z` or an
 * offset), else null. Stricter than `Date.parse`, which accepts many other shapes.
 */
export const parseInstant = (value: unknown): number | null => {
  if (typeof value !== 'string') return null;
  const m = INSTANT.exec(value);
  if (!m) return null;
  const day = dayNumber(`${m[1]}-${m[2]}-${m[3]}`);
  if (day === null) return null;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offHours = Number(m[10]);
    const offMinutes = Number(m[11]);
    if (offHours > 23 || offMinutes > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offHours * 60 + offMinutes);
  }
  const ms = day * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return toIso(ms) === '' ? null : ms;
};

const toIso = (ms: number): string => {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(year) || year < MIN_YEAR || year > MAX_YEAR) return '';
  return d.toISOString();
};

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A cached formatter for the zone, or null when the runtime does not know the zone. */
const formatterFor = (timeZone: string): Intl.DateTimeFormat | null => {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat | null = null;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    // An unknown zone name is a RangeError; callers get '' instead.
    formatter = null;
  }
  if (formatters.size < 64) formatters.set(timeZone, formatter);
  return formatter;
};

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallTime = (ms: number, timeZone: string): WallTime | null => {
  const formatter = formatterFor(timeZone);
  if (!formatter) return null;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = parts;
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined
  ) {
    return null;
  }
  // Years before the common era come back as positive numbers with an era part; out of range.
  if (parts.era !== undefined) return null;
  return { year, month, day, hour, minute, second };
};

/** The zone's offset from UTC at an instant, in milliseconds (Shanghai: +8 h). */
const zoneOffset = (ms: number, timeZone: string): number | null => {
  const w = wallTime(ms, timeZone);
  if (!w) return null;
  const day = dayNumber(`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`);
  if (day === null) return null;
  const wallMs = day * DAY_MS + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  return wallMs - (ms - (((ms % 1000) + 1000) % 1000));
};

/** The local calendar date of an instant, 'YYYY-MM-DD'; '' for anything else. */
export function localDate(instant: string, timeZone = PROVIDER_TIME_ZONE): string {
  const ms = parseInstant(instant);
  if (ms === null) return '';
  const w = wallTime(ms, timeZone);
  if (!w || w.year < MIN_YEAR || w.year > MAX_YEAR) return '';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Local date and time of an instant, 'YYYY-MM-DD HH:mm', for messages; '' for anything else. */
export function localDateTime(instant: string, timeZone = PROVIDER_TIME_ZONE): string {
  const ms = parseInstant(instant);
  if (ms === null) return '';
  const w = wallTime(ms, timeZone);
  if (!w || w.year < MIN_YEAR || w.year > MAX_YEAR) return '';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

interface YearSets {
  off: ReadonlySet<string>;
  work: ReadonlySet<string>;
}

const CN_YEARS: ReadonlyMap<number, YearSets> = new Map(
  CN_CALENDAR_YEARS.map((y) => [y.year, { off: new Set(y.offDays), work: new Set(y.workingDays) }]),
);

/** Whether a day number is a business day, and whether that answer rests on real data. */
const judgeDay = (n: number): { business: boolean; estimate: boolean } => {
  const date = fromDayNumber(n);
  const weekday = new Date(n * DAY_MS).getUTCDay();
  const weekdayBusiness = weekday !== 0 && weekday !== 6;
  const year = CN_YEARS.get(Number(date.slice(0, 4)));
  if (!year) return { business: weekdayBusiness, estimate: true };
  if (year.off.has(date)) return { business: false, estimate: false };
  if (year.work.has(date)) return { business: true, estimate: false };
  return { business: weekdayBusiness, estimate: false };
};

/**
 * Whether a 'YYYY-MM-DD' date is a business day in the Chinese mainland: Monday-Friday minus
 * public holidays plus make-up working days. `estimate` is true when the year has no calendar
 * file (Monday-Friday only) or the input is not a date (then `business` is false).
 */
export function isBusinessDay(date: string): { business: boolean; estimate: boolean } {
  const n = dayNumber(date);
  if (n === null) return { business: false, estimate: true };
  return judgeDay(n);
}

/**
 * The date `n` business days after `date`. Day 0 is the date itself (even on a holiday);
 * counting starts with the first business day after it, so Friday + 1 is the next Monday in an
 * ordinary week. `estimate` is true when any counted day falls in a year without data. For a
 * date that is not a date, a negative or fractional `n`, or a result past year 9999, the date
 * is `''`.
 */
export function addBusinessDays(date: string, n: number): { date: string; estimate: boolean } {
  const start = dayNumber(date);
  if (start === null || !Number.isInteger(n) || n < 0 || n > MAX_BUSINESS_DAYS) {
    return { date: '', estimate: true };
  }
  let day = start;
  let counted = 0;
  let estimate = false;
  while (counted < n) {
    day += 1;
    const judged = judgeDay(day);
    if (judged.estimate) estimate = true;
    if (judged.business) counted += 1;
  }
  const result = fromDayNumber(day);
  return result === '' ? { date: '', estimate: true } : { date: result, estimate };
}

/**
 * The expected review window of a submission: the submission's local date in the provider's
 * zone plus the rule's minimum and maximum business days. Null when the provider publishes no
 * review time (`rule` null) or `submittedAt` is not an instant.
 */
export function reviewWindow(
  submittedAt: string,
  rule: ReviewWindowRule | null,
  timeZone = PROVIDER_TIME_ZONE,
): ReviewWindow | null {
  if (!rule) return null;
  const submittedOn = localDate(submittedAt, timeZone);
  if (submittedOn === '') return null;
  const earliest = addBusinessDays(submittedOn, rule.minBusinessDays);
  const latest = addBusinessDays(submittedOn, rule.maxBusinessDays);
  if (earliest.date === '' || latest.date === '') return null;
  return {
    earliest: earliest.date,
    latest: latest.date,
    estimate: earliest.estimate || latest.estimate,
  };
}

/** Midnight at the start of a local day, as epoch milliseconds. */
const localMidnight = (day: number, timeZone: string): number | null => {
  const guess = day * DAY_MS;
  const first = zoneOffset(guess, timeZone);
  if (first === null) return null;
  // A second pass settles zones whose offset differs across the guess (DST changes).
  const second = zoneOffset(guess - first, timeZone);
  if (second === null) return null;
  return guess - second;
};

const endOfLocalDayMs = (date: string, timeZone: string): number | null => {
  const day = dayNumber(date);
  if (day === null) return null;
  const nextMidnight = localMidnight(day + 1, timeZone);
  return nextMidnight === null ? null : nextMidnight - 1;
};

/**
 * The last millisecond of a local day as an ISO instant: 2026-03-05 in Shanghai ends at
 * 2026-03-05T15:59:59.999Z. '' when `date` is not a date.
 */
export function endOfLocalDay(date: string, timeZone = PROVIDER_TIME_ZONE): string {
  const ms = endOfLocalDayMs(date, timeZone);
  return ms === null ? '' : toIso(ms);
}

/**
 * True once `now` is past the end of the window's `latest` day in the provider's zone. False
 * when either input is not understood: an unreadable date never raises an alarm.
 */
export function isOverdue(
  window: ReviewWindow,
  now: string,
  timeZone = PROVIDER_TIME_ZONE,
): boolean {
  const nowMs = parseInstant(now);
  if (nowMs === null || !window || typeof window !== 'object') return false;
  const end = endOfLocalDayMs(window.latest, timeZone);
  return end !== null && nowMs > end;
}

/**
 * When a lock that starts at `verifiedAt` ends: `days` calendar days later, as an ISO instant.
 * Days are 24 hours, which is exact in Asia/Shanghai (no daylight saving since 1991). '' when
 * `verifiedAt` is not an instant or `days` is not a whole number of at least 0.
 */
export function lockEnd(verifiedAt: string, days: number): string {
  const ms = parseInstant(verifiedAt);
  if (ms === null || !Number.isInteger(days) || days < 0) return '';
  return toIso(ms + days * DAY_MS);
}
