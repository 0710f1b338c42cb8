import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { daysAgo, localDayKey, startOfLocalDay, withDayHeadings } from './day-groups';

const at = (y: number, m: number, d: number, h = 12, min = 0) =>
  new Date(y, m - 1, d, h, min).getTime();

describe('day groups', () => {
  beforeEach(() => vi.stubEnv('TZ', 'America/New_York'));
  afterEach(() => vi.unstubAllEnvs());

  test('local day keys follow the calendar, not UTC', () => {
    expect(localDayKey(at(2026, 3, 5, 23, 30))).toBe('2026-03-05');
    expect(localDayKey(at(2026, 3, 6, 0, 10))).toBe('2026-03-06');
    expect(startOfLocalDay(at(2026, 3, 5, 23, 30))).toBe(at(2026, 3, 5, 0, 0));
  });

  test('a heading before the first source of each day, newest first', () => {
    const times = [at(2026, 3, 6, 9), at(2026, 3, 6, 8), at(2026, 3, 5, 23), at(2026, 3, 1)];
    expect(withDayHeadings(times)).toEqual([
      { type: 'day', at: times[0] },
      { type: 'item', index: 0 },
      { type: 'item', index: 1 },
      { type: 'day', at: times[2] },
      { type: 'item', index: 2 },
      { type: 'day', at: times[3] },
      { type: 'item', index: 3 },
    ]);
    expect(withDayHeadings([])).toEqual([]);
  });

  test('days ago counts calendar days, across a clock change', () => {
    const now = at(2026, 3, 9, 10);
    expect(daysAgo(at(2026, 3, 9, 0, 1), now)).toBe(0);
    expect(daysAgo(at(2026, 3, 8, 23, 59), now)).toBe(1);
    // 8 March 2026 is the spring-forward day in New York: a 23-hour day.
    expect(daysAgo(at(2026, 3, 7, 12), now)).toBe(2);
  });
});
