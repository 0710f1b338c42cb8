import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { filterKeys, rangeStart } from './filters';

describe('library filters', () => {
  beforeEach(() => vi.stubEnv('TZ', 'Asia/Shanghai'));
  afterEach(() => vi.unstubAllEnvs());

  const now = new Date(2026, 11, 7, 15, 30).getTime();

  test('time ranges start where a person counts them', () => {
    expect(rangeStart('all', now)).toBe(-Infinity);
    expect(rangeStart('hour', now)).toBe(now - 3_600_000);
    expect(rangeStart('today', now)).toBe(new Date(2026, 11, 7).getTime());
    expect(rangeStart('week', now)).toBe(new Date(2026, 11, 1).getTime());
    expect(rangeStart('month', now)).toBe(new Date(2026, 10, 8).getTime());
  });

  const keys = { ids: ['e', 'd', 'c', 'b', 'a'], times: [50, 40, 30, 20, 10] };

  test('no filter gives the keys as they are', () => {
    expect(filterKeys(keys, [])).toBe(keys);
  });

  test('every set must hold an id; order is kept', () => {
    expect(filterKeys(keys, [new Set(['a', 'c', 'e']), new Set(['c', 'e', 'x'])])).toEqual({
      ids: ['e', 'c'],
      times: [50, 30],
    });
  });
});
