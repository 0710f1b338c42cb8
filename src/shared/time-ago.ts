/**
 * How long ago something was saved, in the words of the locale files, in a given language ("3 days
 * ago", "3 天前"): for an answer's citations (in the question's language) and for the toolbar's
 * "seen before" title (in the interface's, `uiTextLanguage`).
 */
import { ageOf, type AgeUnit } from '../core/time/relative-time';
import { uiLanguage, type MessageKey } from './i18n';
import { tIn, type TextLanguage } from './i18n-in';

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

/** The interface's language as one of the locale files' ("zh-CN" → zh). */
export const uiTextLanguage = (): TextLanguage => (uiLanguage().startsWith('zh') ? 'zh' : 'en');
