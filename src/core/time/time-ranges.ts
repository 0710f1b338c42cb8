/**
 * The ranges time expressions name, relative to today (a civil date in the user's zone). Shared
 * by the English and Chinese rules of time-query.ts.
 */
import { civil, day, days, month, week, weekday, year } from './civil-time';
import type { Civil, TimeRange } from './civil-time';

export type Unit = 'day' | 'week' | 'month' | 'year';

/** A rule: a pattern, and the range its match names (undefined when it names none after all). */
export type Rule = [RegExp, (g: string[], today: Civil, tz: string) => TimeRange | undefined];

/** The calendar unit holding today, shifted `back` units into the past. */
export function calendar(unit: Unit, back: number, today: Civil, tz: string): TimeRange {
  const { y, m, d } = today;
  if (unit === 'day') return day(civil(y, m, d - back), tz);
  if (unit === 'week') return week(civil(y, m, d - 7 * back), tz);
  return unit === 'month' ? month(y, m - back, tz) : year(y - back, tz);
}

/** Today and the `n` units before it ("the past 3 days": today and the 3 days before). */
export function rolling(unit: Unit, n: number, today: Civil, tz: string): TimeRange {
  const { y, m, d } = today;
  const start =
    unit === 'day' || unit === 'week'
      ? civil(y, m, d - n * (unit === 'week' ? 7 : 1))
      : civil(y - (unit === 'year' ? n : 0), m - (unit === 'month' ? n : 0), d);
  return { from: days(start, 1, tz).from, to: day(today, tz).to };
}

/** The year of the latest month `m` (0-based) not in the future, or strictly past (`before`). */
export function latestYearOf(m: number, today: Civil, before: boolean): number {
  return (before ? m < today.m : m <= today.m) ? today.y : today.y - 1;
}

/** Weekday `w` (0 = Monday) of the week `back` weeks before this one. */
export function weekdayOfWeek(w: number, back: number, today: Civil, tz: string): TimeRange {
  return day(civil(today.y, today.m, today.d - weekday(today) - 7 * back + w), tz);
}

/** The latest weekday `w` (0 = Monday) on or before today, or strictly before. */
export function latestWeekday(w: number, today: Civil, tz: string, strictly: boolean): TimeRange {
  const back = (weekday(today) - w + 7) % 7 || (strictly ? 7 : 0);
  return day(civil(today.y, today.m, today.d - back), tz);
}
