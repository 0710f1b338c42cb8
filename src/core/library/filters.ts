/**
 * The library's filters over its ordered keys. The page reads the keys of the sources in the time
 * range newest first (ids and days, no text) and, for each other filter in use, the set of ids an
 * index gives (kind, site, state); the list is the ordered keys in every set.
 */

/** "The last hour / today / this week / this month / everything", as the filter and forget offer. */
export const TIME_RANGES = ['hour', 'today', 'week', 'month', 'all'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

/**
 * Where a range starts: an hour ago; today's local midnight; seven and thirty days before
 * today's midnight (whole days, as a person counts "this week"); `all` has no start.
 */
export function rangeStart(range: TimeRange, now: number): number {
  if (range === 'all') return -Infinity;
  if (range === 'hour') return now - 3_600_000;
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  if (range === 'week') midnight.setDate(midnight.getDate() - 6);
  if (range === 'month') midnight.setDate(midnight.getDate() - 29);
  return midnight.getTime();
}

export interface OrderedKeys {
  /** Source ids, newest first. */
  ids: string[];
  /** A time on each one's day, same order (for the day headings). */
  times: number[];
}

/**
 * The keys kept by every set in `within`, in their order. (The time range is not a set: the
 * keys are read from the range's start, store/library-reads.ts `libraryKeys`.)
 */
export function filterKeys(
  keys: OrderedKeys,
  within: ReadonlyArray<ReadonlySet<string>>,
): OrderedKeys {
  if (within.length === 0) return keys;
  const ids: string[] = [];
  const times: number[] = [];
  keys.ids.forEach((id, i) => {
    if (within.every((set) => set.has(id))) {
      ids.push(id);
      times.push(keys.times[i] ?? 0);
    }
  });
  return { ids, times };
}
