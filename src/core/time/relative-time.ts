/**
 * How old a memory is. Two forms over one table of units: fixed English and Chinese words for the
 * prompt ("3 days ago" / "3 天前": the same on every browser, so answers and tests are stable), and
 * the browser's own words in the user's locale for the UI ("yesterday", "3天前").
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Calendar-free approximations: the phrase is rounded anyway. */
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const UNITS = [
  { ms: YEAR, en: 'year', zh: '年', intl: 'year' },
  { ms: MONTH, en: 'month', zh: '个月', intl: 'month' },
  { ms: WEEK, en: 'week', zh: '周', intl: 'week' },
  { ms: DAY, en: 'day', zh: '天', intl: 'day' },
  { ms: HOUR, en: 'hour', zh: '小时', intl: 'hour' },
  { ms: MINUTE, en: 'min', zh: '分钟', intl: 'minute' },
] as const satisfies ReadonlyArray<{
  ms: number;
  en: string;
  zh: string;
  intl: Intl.RelativeTimeFormatUnit;
}>;

/**
 * How long before `now` the time `ms` was, floored to the largest whole unit. Under a minute, or
 * in the future (clock skew between devices), is "just now"; a missing time (NaN) says so.
 */
export function relativeTime(ms: number, now: number, lang: 'zh' | 'en'): string {
  const elapsed = now - ms;
  if (Number.isNaN(elapsed)) return lang === 'zh' ? '时间未知' : 'at an unknown time';
  for (const unit of UNITS) {
    const n = Math.floor(elapsed / unit.ms);
    if (n < 1) continue;
    if (lang === 'zh') return `${n} ${unit.zh}前`;
    // "min" is an abbreviation and takes no plural s.
    const plural = n > 1 && unit.en !== 'min' ? 's' : '';
    return `${n} ${unit.en}${plural} ago`;
  }
  return lang === 'zh' ? '刚刚' : 'just now';
}

/**
 * The same age in the browser's words for `locales`. `then` and `now` in epoch milliseconds.
 * Counts whole units toward zero, so 36 hours ago is "yesterday", not "2 days ago"; under a minute
 * is "now". A time in the future (clock skew between contexts) also reads "now": a memory is never
 * saved later than it is shown. A missing time gives an empty string (the UI shows nothing).
 */
export function formatRelativeTime(
  then: number,
  now: number,
  locales?: Intl.LocalesArgument,
): string {
  if (!Number.isFinite(then) || !Number.isFinite(now)) return '';
  const format = new Intl.RelativeTimeFormat(locales, { numeric: 'auto' });
  const elapsed = Math.min(0, then - now);
  for (const unit of UNITS) {
    const count = Math.trunc(elapsed / unit.ms);
    if (count !== 0) return format.format(count, unit.intl);
  }
  return format.format(0, 'second');
}
