/**
 * One year of a public-holiday calendar: the weekdays that are off and the weekend days that are
 * official make-up working days. Every other day follows Monday-Friday.
 */
export interface YearCalendar {
  year: number;
  /** Where the schedule was published, so a reader can check the data. */
  sourceUrl: string;
  /** 'YYYY-MM-DD' days off (public holidays, including the weekends inside them). */
  offDays: readonly string[];
  /** 'YYYY-MM-DD' weekend days that are working days (adjusted weekends). */
  workingDays: readonly string[];
}
