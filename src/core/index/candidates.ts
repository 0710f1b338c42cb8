/**
 * Choosing the rows to rescore from a scan's distances and histogram (code-store.ts) in two
 * linear passes, with no sort: find the distance t below which fewer than `want` rows lie, take
 * every row nearer than t and fill up with rows at exactly t in row order.
 */

/** Distance given to rows a filter excludes: past any real distance (dims ≤ 32,768). */
export const EXCLUDED = 0xffff;

/** Excludes rows failing `keep` and recounts the histogram over the others. */
export function applyFilter(
  dist: Uint16Array,
  hist: Uint32Array,
  rows: number,
  keep: (row: number) => boolean,
): void {
  hist.fill(0);
  for (let r = 0; r < rows; r++) {
    if (keep(r)) hist[dist[r] ?? 0]!++;
    else dist[r] = EXCLUDED;
  }
}

/**
 * applyFilter keeping rows with either of their two times (int8-rows.ts) in [from, to), without
 * a closure: nearly free next to a scan.
 */
export function applyRange(
  dist: Uint16Array,
  hist: Uint32Array,
  rows: number,
  times: Float64Array,
  from: number,
  to: number,
): void {
  hist.fill(0);
  for (let r = 0; r < rows; r++) {
    // Two plain reads: destructuring an array literal here made this loop ~5× slower.
    const a = times[2 * r]!;
    const b = times[2 * r + 1]!;
    if ((a >= from && a < to) || (b >= from && b < to)) hist[dist[r]!]!++;
    else dist[r] = EXCLUDED;
  }
}

/** Calls visit(row) for the `want` nearest rows (all of them when fewer are not excluded). */
export function forEachCandidate(
  dist: Uint16Array,
  hist: Uint32Array,
  rows: number,
  want: number,
  visit: (row: number) => void,
): void {
  let t = 0;
  let below = 0;
  for (; t < hist.length && below + (hist[t] ?? 0) < want; t++) below += hist[t] ?? 0;
  let ties = want - below;
  for (let r = 0; r < rows; r++) {
    const d = dist[r] ?? EXCLUDED;
    if (d < t || (d === t && ties-- > 0)) visit(r);
  }
}
