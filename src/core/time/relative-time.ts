/**
 * "3 days ago" / "3 天前": how old a memory is, in the words the prompt and the UI use.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Calendar-free approximations: the phrase is rounded anyway. */
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const UNITS = [
  { ms: YEAR, en: 'year', zh: '年' },
  { ms: MONTH, en: 'month', zh: '个月' },
  { ms: WEEK, en: 'week', zh: '周' },
  { ms: DAY, en: 'day', zh: '天' },
  { ms: HOUR, en: 'hour', zh: '小时' },
  { ms: MINUTE, en: 'min', zh: '分钟' },
] as const;

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
