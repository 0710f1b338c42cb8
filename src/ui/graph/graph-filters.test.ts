import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTERS, monthRange, readFilter } from './graph-filters';

describe('graph filters', () => {
  test('a month is its first local instant up to the next month', () => {
    const march = monthRange('2026-03');
    expect(march).toEqual({
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 3, 1).getTime(),
    });
    expect(monthRange('2026-12')?.to).toBe(new Date(2027, 0, 1).getTime());
    expect(monthRange('2026-13')).toBeUndefined();
    expect(monthRange('')).toBeUndefined();
  });

  test('ranges become a start, a picked month both ends, and an unfinished pick nothing', () => {
    const now = Date.UTC(2026, 5, 15);
    expect(readFilter({ ...DEFAULT_FILTERS, range: 'week' }, now)).toEqual({
      kinds: DEFAULT_FILTERS.kinds,
      from: now - 7 * 86_400_000,
    });
    expect(readFilter({ ...DEFAULT_FILTERS, range: 'pick', month: '2026-03' }, now)).toEqual({
      kinds: DEFAULT_FILTERS.kinds,
      ...monthRange('2026-03'),
    });
    expect(readFilter({ ...DEFAULT_FILTERS, range: 'pick', month: '' }, now)).toEqual({
      kinds: DEFAULT_FILTERS.kinds,
    });
    expect(readFilter(DEFAULT_FILTERS, now)).toEqual({ kinds: DEFAULT_FILTERS.kinds });
  });
});
