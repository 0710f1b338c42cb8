import { describe, expect, it } from 'vitest';
import { ageOf, calendarDate, relativeTime } from './relative-time';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('relativeTime', () => {
  it.each([
    [0, 'just now', '刚刚'],
    [59_000, 'just now', '刚刚'],
    [-5 * MIN, 'just now', '刚刚'],
    [5 * MIN, '5 min ago', '5 分钟前'],
    [60 * MIN, '1 hour ago', '1 小时前'],
    [5 * 60 * MIN, '5 hours ago', '5 小时前'],
    [DAY, '1 day ago', '1 天前'],
    [3 * DAY + 5 * MIN, '3 days ago', '3 天前'],
    [15 * DAY, '2 weeks ago', '2 周前'],
    [65 * DAY, '2 months ago', '2 个月前'],
    [800 * DAY, '2 years ago', '2 年前'],
  ])('%i ms ago → %s / %s', (ago, en, zh) => {
    expect(relativeTime(NOW - ago, NOW, 'en')).toBe(en);
    expect(relativeTime(NOW - ago, NOW, 'zh')).toBe(zh);
  });

  it('says when the time is unknown', () => {
    expect(relativeTime(Number.NaN, NOW, 'en')).toBe('at an unknown time');
    expect(relativeTime(Number.NaN, NOW, 'zh')).toBe('时间未知');
  });
});

describe('ageOf', () => {
  const HOUR = 60 * MIN;
  it.each([
    [0, { unit: 'now' }],
    [59_000, { unit: 'now' }],
    [-HOUR, { unit: 'now' }],
    [MIN, { unit: 'minute', count: 1 }],
    [45 * MIN, { unit: 'minute', count: 45 }],
    [3 * HOUR + 59 * MIN, { unit: 'hour', count: 3 }],
    [36 * HOUR, { unit: 'day', count: 1 }],
    [8 * DAY, { unit: 'week', count: 1 }],
    [21 * DAY, { unit: 'week', count: 3 }],
    [65 * DAY, { unit: 'month', count: 2 }],
    [800 * DAY, { unit: 'year', count: 2 }],
  ])('%i ms ago → %o', (ago, age) => {
    expect(ageOf(NOW - ago, NOW)).toEqual(age);
  });

  it('gives nothing for a missing time', () => {
    expect(ageOf(Number.NaN, NOW)).toBeUndefined();
  });
});

describe('calendarDate', () => {
  it("is the day in the user's zone, in the answer's language", () => {
    const lateOn14th = Date.UTC(2025, 9, 13, 20); // 04:00 on the 14th in Shanghai.
    expect(calendarDate(lateOn14th, 'en', 'Asia/Shanghai')).toBe('Tuesday, 14 October 2025');
    expect(calendarDate(lateOn14th, 'zh', 'Asia/Shanghai')).toBe('2025年10月14日星期二');
    expect(calendarDate(lateOn14th, 'en', 'America/New_York')).toBe('Monday, 13 October 2025');
  });

  it('gives nothing for a missing time', () => {
    expect(calendarDate(Number.NaN, 'en', 'UTC')).toBeUndefined();
  });
});
