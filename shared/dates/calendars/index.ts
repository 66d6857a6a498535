import { cn2026 } from './cn-2026';
import type { YearCalendar } from './types';

export type { YearCalendar } from './types';

/**
 * The Chinese mainland calendar years we have data for. A new year is one added file and one
 * line here; years missing from this list fall back to Monday-Friday and are marked estimates.
 */
export const CN_CALENDAR_YEARS: readonly YearCalendar[] = [cn2026];
