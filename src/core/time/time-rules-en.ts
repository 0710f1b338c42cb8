/** English time expressions (matched case-insensitively; groups arrive lower-cased). */
import { civil, day, month } from './civil-time';
import { calendar, latestWeekday, latestYearOf, rolling, weekdayOfWeek } from './time-ranges';
import type { Rule, Unit } from './time-ranges';
import { englishNumber, EN_NUMBER } from './time-words';

const MONTHS =
  'january february march april may june july august september october november december'.split(
    ' ',
  );
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');
const UNITS = 'days?|weeks?|months?|years?';
const unit = (word = ''): Unit => word.replace(/s$/, '') as Unit;
const rule = (source: string, resolve: Rule[1]): Rule => [new RegExp(source, 'iu'), resolve];

export const ENGLISH_RULES: Rule[] = [
  rule('\\b(?:the )?day before yesterday\\b', (_, t, tz) => calendar('day', 2, t, tz)),
  rule('\\byesterday\\b', (_, t, tz) => calendar('day', 1, t, tz)),
  rule('\\btoday\\b', (_, t, tz) => calendar('day', 0, t, tz)),
  rule('\\b(this|last|previous) (week|month|year)\\b', (g, t, tz) =>
    calendar(unit(g[2]), g[1] === 'this' ? 0 : 1, t, tz),
  ),
  rule(
    `\\b(?:(?:in|over|during) )?(?:the )?(?:last|past) (${EN_NUMBER}) (${UNITS})\\b`,
    (g, t, tz) => rolling(unit(g[2]), englishNumber(g[1] ?? ''), t, tz),
  ),
  // "the last week" and "past week" roll back from today; "last week" is the calendar week.
  rule(
    '\\b(?:(?:in|over|during) )?(?:the (?:last|past)|past) (day|week|month|year)\\b',
    (g, t, tz) => rolling(unit(g[1]), 1, t, tz),
  ),
  rule(`\\b(${EN_NUMBER}) (${UNITS}) ago\\b`, (g, t, tz) =>
    calendar(unit(g[2]), englishNumber(g[1] ?? ''), t, tz),
  ),
  // "last Tuesday": the latest Tuesday before today; "on Tuesday" may be today; "this Tuesday"
  // is the one of this week.
  rule(`\\b(?:on )?(last|this|on) (${WEEKDAYS.join('|')})\\b`, (g, t, tz) => {
    const w = WEEKDAYS.indexOf(g[2] ?? '');
    return g[1] === 'this' ? weekdayOfWeek(w, 0, t, tz) : latestWeekday(w, t, tz, g[1] === 'last');
  }),
  // "in March": the latest March not in the future; "last March": the latest before this month.
  rule(`\\b(in|during|last) (${MONTHS.join('|')})(?:,? (\\d{4}))?\\b`, (g, t, tz) => {
    const m = MONTHS.indexOf(g[2] ?? '');
    return month(g[3] ? Number(g[3]) : latestYearOf(m, t, g[1] === 'last'), m, tz);
  }),
  rule(`\\b(?:on )?(${MONTHS.join('|')}) (\\d{1,2})(?:st|nd|rd|th)?\\b`, (g, t, tz) => {
    const m = MONTHS.indexOf(g[1] ?? '');
    return day(civil(latestYearOf(m, t, false), m, Number(g[2])), tz);
  }),
];
