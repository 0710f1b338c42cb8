/**
 * The library lists sources newest first under a heading per day. Days are the user's local
 * calendar days (a source saved at 23:30 belongs to that evening, wherever UTC is), so the keys
 * come from the local date parts, never from `toISOString`.
 */

/** A row of the list: a day's heading, or the source at `index` of the ordered keys. */
export type ListEntry = { type: 'day'; at: number } | { type: 'item'; index: number };

/** The local day of a time as `YYYY-MM-DD`: equal for two times on the same calendar day. */
export function localDayKey(ms: number): string {
  const d = new Date(ms);
  const month = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${month}-${day}`;
}

/** Midnight (local) of the day `ms` falls on. */
export function startOfLocalDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Whole local days from `at`'s day to `now`'s day: 0 today, 1 yesterday. Counted on calendar
 * dates, so a day of 23 or 25 hours (a clock change) is still one day.
 */
export function daysAgo(at: number, now: number): number {
  const a = new Date(startOfLocalDay(at));
  const b = new Date(startOfLocalDay(now));
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/**
 * The list's rows for times ordered newest first: a heading before the first source of each
 * local day, then the sources. One pass, no sorting: the order is the caller's.
 */
export function withDayHeadings(times: ArrayLike<number>): ListEntry[] {
  const entries: ListEntry[] = [];
  let lastDay: number | undefined;
  for (let index = 0; index < times.length; index++) {
    const at = times[index] ?? 0;
    // Only compute a key when the time leaves the current day's span: most neighbours share it.
    const day = startOfLocalDay(at);
    if (day !== lastDay) {
      entries.push({ type: 'day', at });
      lastDay = day;
    }
    entries.push({ type: 'item', index });
  }
  return entries;
}
