/** Chinese time expressions: 昨天, 上周二, 三周前, 三月, 去年三月五日… */
import { civil, day, month } from './civil-time';
import { calendar, latestWeekday, latestYearOf, rolling, weekdayOfWeek } from './time-ranges';
import type { Rule, Unit } from './time-ranges';
import { chineseNumber, ZH_NUMBER } from './time-words';

/** 星期日 and 星期天 are both Sunday. */
const weekdayOf = (c = ''): number => '一二三四五六日'.indexOf(c.replace('天', '日'));
const UNITS: Record<string, Unit> = {
  天: 'day',
  周: 'week',
  星期: 'week',
  礼拜: 'week',
  月: 'month',
  年: 'year',
};
const rule = (source: string, resolve: Rule[1]): Rule => [new RegExp(source, 'u'), resolve];
const back = (prefix = ''): number =>
  prefix.startsWith('上上') ? 2 : prefix.startsWith('上') ? 1 : 0;

export const CHINESE_RULES: Rule[] = [
  rule('大前天', (_, t, tz) => calendar('day', 3, t, tz)),
  rule('前天', (_, t, tz) => calendar('day', 2, t, tz)),
  rule('昨[天日]', (_, t, tz) => calendar('day', 1, t, tz)),
  rule('今[天日]', (_, t, tz) => calendar('day', 0, t, tz)),
  // 上周 is last week; 上周二 the Tuesday of last week (not "the latest Tuesday").
  rule('(上上|上|这|本)个?(?:周|星期|礼拜)([一二三四五六日天])?', (g, t, tz) =>
    g[2] ? weekdayOfWeek(weekdayOf(g[2]), back(g[1]), t, tz) : calendar('week', back(g[1]), t, tz),
  ),
  rule('(?:周|星期|礼拜)([一二三四五六日天])', (g, t, tz) =>
    latestWeekday(weekdayOf(g[1]), t, tz, false),
  ),
  rule('(上上个|上个|这个|本|上)月', (g, t, tz) => calendar('month', back(g[1]), t, tz)),
  rule('(今|去|前)年', (g, t, tz) => calendar('year', '今去前'.indexOf(g[1] ?? ''), t, tz)),
  rule(`(?:最近|过去|近)(${ZH_NUMBER})个?(天|周|星期|礼拜|月|年)`, (g, t, tz) =>
    rolling(UNITS[g[2] ?? ''] ?? 'day', chineseNumber(g[1] ?? ''), t, tz),
  ),
  // 三个月前 needs 个: 三月前 could as well mean "before March", so it names nothing.
  rule(`(${ZH_NUMBER})(个月|个?(?:天|周|星期|礼拜)|年)之?前`, (g, t, tz) =>
    calendar(UNITS[(g[2] ?? '').replace('个', '')] ?? 'day', chineseNumber(g[1] ?? ''), t, tz),
  ),
  rule(`(今年|去年)?(${ZH_NUMBER})月份?(?:(${ZH_NUMBER})[日号])?(?![前后])`, (g, t, tz) => {
    const [m, d] = [chineseNumber(g[2] ?? '') - 1, g[3] ? chineseNumber(g[3]) : 1];
    if (!(m >= 0 && m <= 11 && d >= 1 && d <= 31)) return undefined;
    const y = g[1] === '今年' ? t.y : g[1] === '去年' ? t.y - 1 : latestYearOf(m, t, false);
    return g[3] ? day(civil(y, m, d), tz) : month(y, m, tz);
  }),
];
