import { describe, expect, test } from 'vitest';
import { MAX_LOG, mayShow, PER_HOUR, PER_PAGE_MS, recordShown, type ShownEntry } from './seen-rate';

const T0 = Date.UTC(2026, 11, 7, 9);
const MINUTE = 60_000;

describe('the seen-before rate limit', () => {
  test('a page lights once a day', () => {
    const log = recordShown([], 'a', T0);
    expect(mayShow(log, 'a', T0 + MINUTE)).toBe(false);
    expect(mayShow(log, 'a', T0 + PER_PAGE_MS - 1)).toBe(false);
    expect(mayShow(log, 'a', T0 + PER_PAGE_MS)).toBe(true);
    expect(mayShow(log, 'b', T0 + MINUTE)).toBe(true);
  });

  test(`at most ${PER_HOUR} pages an hour, then again after the hour`, () => {
    let log: ShownEntry[] = [];
    for (let i = 0; i < PER_HOUR; i++) {
      expect(mayShow(log, `p${i}`, T0 + i * MINUTE)).toBe(true);
      log = recordShown(log, `p${i}`, T0 + i * MINUTE);
    }
    expect(mayShow(log, 'next', T0 + 10 * MINUTE)).toBe(false);
    // An hour after the first, one slot is free again.
    expect(mayShow(log, 'next', T0 + 60 * MINUTE)).toBe(true);
  });

  test('entries from the future (a clock set back) neither block nor stay', () => {
    const log: ShownEntry[] = [{ key: 'a', at: T0 + 5 * MINUTE }];
    expect(mayShow(log, 'a', T0)).toBe(true);
    expect(recordShown(log, 'b', T0)).toEqual([{ key: 'b', at: T0 }]);
  });

  test('the log forgets what is older than a day and stays bounded', () => {
    const old = recordShown([], 'a', T0);
    expect(recordShown(old, 'b', T0 + PER_PAGE_MS)).toEqual([{ key: 'b', at: T0 + PER_PAGE_MS }]);
    let log: ShownEntry[] = [];
    for (let i = 0; i < MAX_LOG + 20; i++) log = recordShown(log, `p${i}`, T0 + i);
    expect(log).toHaveLength(MAX_LOG);
    expect(log.at(-1)).toEqual({ key: `p${MAX_LOG + 19}`, at: T0 + MAX_LOG + 19 });
  });
});
