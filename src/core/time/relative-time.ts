/**
 * How old a memory is, as a count of the largest whole unit (`ageOf`): the UI words it from the
 * locale files in the question's language (ui/components/time-ago.ts), and the model's prompt words
 * it here (`relativeTime`), fixed English or Chinese whatever the browser speaks, so answers and
 * tests are stable. Core code: no browser API, no locale files.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Calendar-free approximations: the phrase is rounded anyway. */
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

export type AgeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

/** `now` for under a minute; else whole units, at least one. */
export type Age = { unit: 'now' } | { unit: AgeUnit; count: number };

const UNITS: ReadonlyArray<{ unit: AgeUnit; ms: number }> = [
  { unit: 'year', ms: YEAR },
  { unit: 'month', ms: MONTH },
  { unit: 'week', ms: WEEK },
  { unit: 'day', ms: DAY },
  { unit: 'hour', ms: HOUR },
  { unit: 'minute', ms: MINUTE },
];

/**
 * How long before `now` the time `then` was (epoch milliseconds), floored to the largest whole
 * unit: 36 hours is one day. Under a minute, or in the future (clock skew between devices), is
 * `now`: a memory is never saved later than it is shown. A missing time (NaN) gives undefined.
 */
export function ageOf(then: number, now: number): Age | undefined {
  const elapsed = now - then;
  if (!Number.isFinite(elapsed)) return undefined;
  for (const { unit, ms } of UNITS) {
    const count = Math.floor(elapsed / ms);
    if (count >= 1) return { unit, count };
  }
  return { unit: 'now' };
}

/**
 * The prompt's words for an age (core/answer/prompt.ts): language data the model reads, like the
 * prompt itself, not interface text (the UI words ages from the `time…` messages).
 */
const PROMPT_UNITS: Record<AgeUnit, { en: string; zh: string }> = {
  year: { en: 'year', zh: '年' }, // i18n-exempt: the model prompt's language data
  month: { en: 'month', zh: '个月' }, // i18n-exempt: the model prompt's language data
  week: { en: 'week', zh: '周' }, // i18n-exempt: the model prompt's language data
  day: { en: 'day', zh: '天' }, // i18n-exempt: the model prompt's language data
  hour: { en: 'hour', zh: '小时' }, // i18n-exempt: the model prompt's language data
  minute: { en: 'min', zh: '分钟' }, // i18n-exempt: the model prompt's language data
};

const PROMPT_WORDS = {
  en: { unknown: 'at an unknown time', now: 'just now', ago: 'ago' },
  // i18n-exempt: the model prompt's language data
  zh: { unknown: '时间未知', now: '刚刚', ago: '前' },
};

/** "3 days ago" / "3 天前": an age in the prompt's words; a missing time says so. */
export function relativeTime(ms: number, now: number, lang: 'zh' | 'en'): string {
  const age = ageOf(ms, now);
  const words = PROMPT_WORDS[lang];
  if (!age) return words.unknown;
  if (age.unit === 'now') return words.now;
  const unit = PROMPT_UNITS[age.unit];
  if (lang === 'zh') return `${age.count} ${unit.zh}${words.ago}`;
  // "min" is an abbreviation and takes no plural s.
  const plural = age.count > 1 && age.unit !== 'minute' ? 's' : '';
  return `${age.count} ${unit.en}${plural} ${words.ago}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "Sunday, 12 January 2025" / "2025年1月12日星期日": the user's calendar day of `ms` in
 * `timeZone`, which the prompt gives beside the age (docs/VOICE.md: relative first, the exact
 * date where it helps, as when quoting what the user noted). The browser's Intl words it, so it
 * needs no language data here. A missing time gives undefined.
 */
export function calendarDate(ms: number, lang: 'zh' | 'en', timeZone: string): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const key = `${lang} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone,
      ...{ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
    });
    dateFormats.set(key, format);
  }
  return format.format(ms);
}
