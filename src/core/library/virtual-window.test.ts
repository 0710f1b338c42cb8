import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { offsetsOf, rowAt, scrollToShow, visibleRange } from './virtual-window';

describe('virtual window', () => {
  // Rows 0 and 3 are day headings (40 px), the others sources (64 px).
  const heights = [40, 64, 64, 40, 64, 64, 64];
  const offsets = offsetsOf(heights.length, (i) => heights[i] ?? 0);

  test('offsets are the prefix sums, the last the whole height', () => {
    expect([...offsets]).toEqual([0, 40, 104, 168, 208, 272, 336, 400]);
  });

  test('the row at a position, clamped to the list', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 39.9)).toBe(0);
    expect(rowAt(offsets, 40)).toBe(1);
    expect(rowAt(offsets, 399)).toBe(6);
    expect(rowAt(offsets, 5000)).toBe(6);
    expect(
      rowAt(
        offsetsOf(0, () => 0),
        10,
      ),
    ).toBe(0);
  });

  test('the visible range with overscan', () => {
    expect(visibleRange(offsets, 104, 100, 0)).toEqual({ start: 2, end: 4 });
    expect(visibleRange(offsets, 104, 100, 1)).toEqual({ start: 1, end: 5 });
    expect(visibleRange(offsets, 0, 10_000, 6)).toEqual({ start: 0, end: 7 });
    expect(
      visibleRange(
        offsetsOf(0, () => 0),
        0,
        100,
      ),
    ).toEqual({ start: 0, end: 0 });
  });

  test('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(offsets, 2, 0, 200)).toBeUndefined();
    expect(scrollToShow(offsets, 6, 0, 200)).toBe(200);
    expect(scrollToShow(offsets, 1, 150, 200)).toBe(40);
    expect(scrollToShow(offsets, 99, 0, 200)).toBeUndefined();
  });

  test('every row on screen is in the range, for any heights and scroll', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 300 }),
        fc.nat(60_000),
        fc.integer({ min: 1, max: 2_000 }),
        (hs, scroll, viewport) => {
          const o = offsetsOf(hs.length, (i) => hs[i] ?? 1);
          const top = Math.min(scroll, o[hs.length] ?? 0);
          const { start, end } = visibleRange(o, top, viewport, 0);
          for (let i = 0; i < hs.length; i++) {
            const onScreen = (o[i + 1] ?? 0) > top && (o[i] ?? 0) < top + viewport;
            if (onScreen) expect(i >= start && i < end).toBe(true);
          }
        },
      ),
    );
  });
});
