/** "3 days ago", "yesterday", "3天前": how long ago a memory was saved, in the user's language. */

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * `then` and `now` in epoch milliseconds. Counts whole units toward zero, so 36 hours ago is
 * "yesterday", not "2 days ago"; under a minute is "now". A time in the future (clock skew between
 * contexts) also reads "now": a memory is never saved later than it is shown.
 */
export function formatRelativeTime(
  then: number,
  now: number,
  locales?: Intl.LocalesArgument,
): string {
  if (!Number.isFinite(then) || !Number.isFinite(now)) return '';
  const format = new Intl.RelativeTimeFormat(locales, { numeric: 'auto' });
  const seconds = Math.min(0, (then - now) / 1000);
  for (const [unit, size] of UNITS) {
    const count = Math.trunc(seconds / size);
    if (count !== 0) return format.format(count, unit);
  }
  return format.format(0, 'second');
}
