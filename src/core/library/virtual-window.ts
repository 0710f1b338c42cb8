/**
 * A virtualised list renders only the rows on screen (and a few beyond, so a fast scroll shows
 * no blank): with 100,000 sources, a row per source in the DOM would take seconds to lay out.
 * Rows have fixed heights per kind (a day heading is shorter than a source), so their offsets are
 * a prefix sum computed once per list, and the first visible row is a binary search.
 */

/** `offsets[i]` is the top of row i; the last element is the list's whole height. */
export function offsetsOf(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(i);
  return offsets;
}

/** The row whose span holds `y` (clamped to the list). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows `start` (inclusive) to `end` (exclusive) to render for this scroll position. */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewportHeight: number,
  overscan = 6,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  const last = rowAt(offsets, scrollTop + Math.max(0, viewportHeight));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/**
 * The scroll position that brings row `index` into view, or undefined when it already is
 * (keyboard moves through the list: the focused row must stay on screen).
 */
export function scrollToShow(
  offsets: Float64Array,
  index: number,
  scrollTop: number,
  viewportHeight: number,
): number | undefined {
  const top = offsets[index];
  const bottom = offsets[index + 1];
  if (top === undefined || bottom === undefined) return undefined;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return undefined;
}
