import { describe, expect, it } from 'vitest';
import { systemTimeZone } from './civil-time';
import { parseTimeFilter } from './time-query';

/** Frozen clock: Wednesday 15 April 2026, 10:00 in Shanghai (UTC+8, no DST). */
const NOW = new Date('2026-04-15T10:00:00+08:00');
const TZ = 'Asia/Shanghai';
/** Local midnight starting y-m-d in Shanghai. */
const at = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) - 8 * 3_600_000;
const range = (q: string) => {
  const f = parseTimeFilter(q, NOW, TZ);
  return f && [f.from, f.to];
};

describe('parseTimeFilter', () => {
  it.each([
    ['what did I read yesterday', at(2026, 4, 14), at(2026, 4, 15)],
    ['Today', at(2026, 4, 15), at(2026, 4, 16)],
    ['the day before yesterday', at(2026, 4, 13), at(2026, 4, 14)],
    ['last week', at(2026, 4, 6), at(2026, 4, 13)],
    ['this week', at(2026, 4, 13), at(2026, 4, 20)],
    ['last month', at(2026, 3, 1), at(2026, 4, 1)],
    ['this month', at(2026, 4, 1), at(2026, 5, 1)],
    ['last year', at(2025, 1, 1), at(2026, 1, 1)],
    ['in March', at(2026, 3, 1), at(2026, 4, 1)],
    ['in April', at(2026, 4, 1), at(2026, 5, 1)],
    ['during May', at(2025, 5, 1), at(2025, 6, 1)],
    ['last April', at(2025, 4, 1), at(2025, 5, 1)],
    ['in March 2024', at(2024, 3, 1), at(2024, 4, 1)],
    ['on March 5th', at(2026, 3, 5), at(2026, 3, 6)],
    ['3 weeks ago', at(2026, 3, 23), at(2026, 3, 30)],
    ['two days ago', at(2026, 4, 13), at(2026, 4, 14)],
    ['a week ago', at(2026, 4, 6), at(2026, 4, 13)],
    ['2 months ago', at(2026, 2, 1), at(2026, 3, 1)],
    ['last Tuesday', at(2026, 4, 14), at(2026, 4, 15)],
    ['last Wednesday', at(2026, 4, 8), at(2026, 4, 9)],
    ['on Wednesday', at(2026, 4, 15), at(2026, 4, 16)],
    ['this Friday', at(2026, 4, 17), at(2026, 4, 18)],
    ['in the past 3 days', at(2026, 4, 12), at(2026, 4, 16)],
    ['over the past week', at(2026, 4, 8), at(2026, 4, 16)],
    ['昨天', at(2026, 4, 14), at(2026, 4, 15)],
    ['今天', at(2026, 4, 15), at(2026, 4, 16)],
    ['前天', at(2026, 4, 13), at(2026, 4, 14)],
    ['大前天', at(2026, 4, 12), at(2026, 4, 13)],
    ['上周', at(2026, 4, 6), at(2026, 4, 13)],
    ['上个星期', at(2026, 4, 6), at(2026, 4, 13)],
    ['这周', at(2026, 4, 13), at(2026, 4, 20)],
    ['上上周', at(2026, 3, 30), at(2026, 4, 6)],
    ['上个月', at(2026, 3, 1), at(2026, 4, 1)],
    ['本月', at(2026, 4, 1), at(2026, 5, 1)],
    ['去年', at(2025, 1, 1), at(2026, 1, 1)],
    ['三周前', at(2026, 3, 23), at(2026, 3, 30)],
    ['3天前', at(2026, 4, 12), at(2026, 4, 13)],
    ['３天前', at(2026, 4, 12), at(2026, 4, 13)],
    ['两个星期前', at(2026, 3, 30), at(2026, 4, 6)],
    ['三个月前', at(2026, 1, 1), at(2026, 2, 1)],
    ['一年前', at(2025, 1, 1), at(2026, 1, 1)],
    ['三月', at(2026, 3, 1), at(2026, 4, 1)],
    ['三月份', at(2026, 3, 1), at(2026, 4, 1)],
    ['五月', at(2025, 5, 1), at(2025, 6, 1)],
    ['十二月', at(2025, 12, 1), at(2026, 1, 1)],
    ['去年三月', at(2025, 3, 1), at(2025, 4, 1)],
    ['3月5日', at(2026, 3, 5), at(2026, 3, 6)],
    ['上周二', at(2026, 4, 7), at(2026, 4, 8)],
    ['周二', at(2026, 4, 14), at(2026, 4, 15)],
    ['星期天', at(2026, 4, 12), at(2026, 4, 13)],
    ['本周五', at(2026, 4, 17), at(2026, 4, 18)],
    ['最近7天', at(2026, 4, 8), at(2026, 4, 16)],
  ])('%s', (question, from, to) => {
    expect(range(question)).toEqual([from, to]);
  });

  it('finds nothing where there is no time, or only an ambiguous one', () => {
    for (const q of [
      'what is rust?',
      'the march of progress',
      'may I ask',
      '三月前',
      '十三月',
      '3月45日',
      '',
    ]) {
      expect(parseTimeFilter(q, NOW, TZ)).toBeUndefined();
    }
  });

  it('removes the expression from the question', () => {
    expect(parseTimeFilter('What did I read about Rust last week?', NOW, TZ)).toMatchObject({
      matched: 'last week',
      rest: 'What did I read about Rust?',
    });
    expect(parseTimeFilter('我上周读的关于量子计算的文章', NOW, TZ)).toMatchObject({
      matched: '上周',
      rest: '我读的关于量子计算的文章',
    });
    expect(parseTimeFilter('the idea I had 3 weeks ago about memory', NOW, TZ)?.rest).toBe(
      'the idea I had about memory',
    );
  });

  it('takes the first expression, the longest where two start together', () => {
    expect(parseTimeFilter('上周二和昨天', NOW, TZ)?.matched).toBe('上周二');
    expect(parseTimeFilter('yesterday or last week', NOW, TZ)?.matched).toBe('yesterday');
  });

  it('counts local days across a DST change', () => {
    // Monday 9 March 2026 in New York; clocks went forward on Sunday the 8th.
    const f = parseTimeFilter(
      'yesterday',
      new Date('2026-03-09T12:00:00-04:00'),
      'America/New_York',
    );
    expect(f && [new Date(f.from).toISOString(), new Date(f.to).toISOString()]).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-09T04:00:00.000Z',
    ]);
  });

  it('uses the system zone by default', () => {
    expect(parseTimeFilter('yesterday', NOW)).toEqual(
      parseTimeFilter('yesterday', NOW, systemTimeZone()),
    );
  });
});
