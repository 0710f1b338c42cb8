/**
 * The rate limit of "You have seen this before" (issue 14), so it never nags. The toolbar badge
 * (the only part that shows itself unasked) lights for a page at most:
 * - once per page per day (`PER_PAGE_MS`): reopening the same article all afternoon says it once;
 * - `PER_HOUR` times an hour over all pages: a morning of reading old bookmarks is not a blinking
 *   toolbar.
 * A page kept in the last half hour says nothing at all (seen-notice.ts `JUST_SAVED_MS`). The side
 * panel, which the user opens, always shows the note for the page in front: asking is not nagging.
 *
 * The log holds page keys (a hash of the address, never the address: background/seen-before.ts)
 * and times, pruned to the last day.
 */
export const PER_PAGE_MS = 24 * 60 * 60_000;
export const PER_HOUR = 4;
const HOUR_MS = 60 * 60_000;
/** Beyond this the oldest entries go first; a day of browsing rarely lights more than 96 anyway. */
export const MAX_LOG = 500;

export interface ShownEntry {
  key: string;
  at: number;
}

/** Whether the badge may light for `key` at `now`, given what it lit for before. */
export function mayShow(log: readonly ShownEntry[], key: string, now: number): boolean {
  let lastHour = 0;
  for (const entry of log) {
    if (entry.at > now) continue; // a clock set back: ignore the entry rather than go mute
    if (entry.key === key && now - entry.at < PER_PAGE_MS) return false;
    if (now - entry.at < HOUR_MS) lastHour++;
  }
  return lastHour < PER_HOUR;
}

/** The log after lighting for `key` at `now`: entries older than a day dropped, at most `MAX_LOG`. */
export function recordShown(log: readonly ShownEntry[], key: string, now: number): ShownEntry[] {
  const kept = log.filter((entry) => entry.at <= now && now - entry.at < PER_PAGE_MS);
  kept.push({ key, at: now });
  return kept.slice(-MAX_LOG);
}
