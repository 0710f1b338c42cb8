/**
 * The library's filters over its ordered keys. The page reads the keys of every source newest
 * first (ids and save times, no text) and, for each filter in use, the set of ids an index gives
 * (kind, site, state); the list is the ordered keys in every set and in the time range.
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
  /** Their save times, same order. */
  times: number[];
}

/**
 * The keys kept by every set in `within` and saved at or after `from`. The keys are newest first,
 * so the time range is a prefix: the walk stops at the first older one.
 */
export function filterKeys(
  keys: OrderedKeys,
  within: ReadonlyArray<ReadonlySet<string>>,
  from = -Infinity,
): OrderedKeys {
  if (within.length === 0 && from === -Infinity) return keys;
  const ids: string[] = [];
  const times: number[] = [];
  for (let i = 0; i < keys.ids.length; i++) {
    const at = keys.times[i] ?? 0;
    if (at < from) break;
    const id = keys.ids[i] ?? '';
    if (within.every((set) => set.has(id))) {
      ids.push(id);
      times.push(at);
    }
  }
  return { ids, times };
}
