/**
 * How long ago a page was saved, in the words of the locale files, in the language of the
 * question the answer replies to ("3 days ago", "3 天前"), whatever language the browser speaks.
 */
import { ageOf, type AgeUnit } from '../../core/time/relative-time';
import type { MessageKey } from '../../shared/i18n';
import { tIn, type TextLanguage } from '../../shared/i18n-in';

/** One unit ago has its own words ("yesterday", "last week"); more take the count. */
const WORDS = {
  year: ['timeYearOne', 'timeYearsMany'],
  month: ['timeMonthOne', 'timeMonthsMany'],
  week: ['timeWeekOne', 'timeWeeksMany'],
  day: ['timeDayOne', 'timeDaysMany'],
  hour: ['timeHourOne', 'timeHoursMany'],
  minute: ['timeMinuteOne', 'timeMinutesMany'],
} as const satisfies Record<AgeUnit, readonly [MessageKey, MessageKey]>;

/** The age of `then` at `now` in `language`; '' for a missing time (the UI shows nothing). */
export function timeAgo(then: number, now: number, language: TextLanguage): string {
  const age = ageOf(then, now);
  if (!age) return '';
  if (age.unit === 'now') return tIn(language, 'timeNow');
  const [one, many] = WORDS[age.unit];
  return age.count === 1 ? tIn(language, one) : tIn(language, many, age.count);
}

/**
 * The browser's own locale for dates in `language` (its first preferred language of that kind),
 * else a plain one: a date beside a Chinese answer is written the Chinese way.
 */
export function dateLocale(language: TextLanguage): string {
  const preferred = globalThis.navigator?.languages ?? [];
  return (
    preferred.find((tag) => tag.toLowerCase().startsWith(language)) ??
    (language === 'zh' ? 'zh-CN' : 'en')
  );
}
