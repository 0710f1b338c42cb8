/**
 * The final ranking of hybrid retrieval (issue 4): keyword and dense lists fused by reciprocal
 * rank, nudged by recency and by how much the user cares about a source, near-duplicate chunks
 * collapsed, and a few chunks per source at most, so an answer cites several sources.
 *
 * The boosts multiply the fused score and are deliberately mild: RRF scores of neighbouring ranks
 * differ by ~1.5%, so a +20% boost lifts a chunk a dozen places, never from nowhere to the top.
 */
import { reciprocalRankFusion } from './fusion';
import { foldForSearch } from '../text/text';

/** What the engine knows about a candidate chunk. */
export interface CandidateInfo {
  sourceId: string;
  /** When its source was captured or last seen, epoch ms. */
  time: number;
  /** Visits recorded for the source (1 = seen once). */
  timesSeen?: number;
  /** Saved on purpose (shortcut, context menu, note), not captured in passing. */
  saved?: boolean;
  /** For collapsing copies of the same text. */
  text?: string;
  /** Unit vector, for collapsing near-copies (e.g. the same article on two sites). */
  vector?: ArrayLike<number>;
}

export interface Ranked {
  id: string;
  sourceId: string;
  score: number;
}

export interface RankOptions {
  now: number;
  /** Results wanted (default 10). */
  limit?: number;
  /** Chunks per source at most (default 2). */
  perSource?: number;
  /** Extra weight of a chunk captured just now; halves every `halfLifeDays` (0.2, 30). */
  recencyWeight?: number;
  halfLifeDays?: number;
  /** Chunks at least this similar (cosine) to a better one are dropped (default 0.97). */
  duplicateCosine?: number;
  /** How the lists are fused (default reciprocalRankFusion; e.g. a weighted variant). */
  fuse?: (
    lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  ) => Array<{ id: string; score: number }>;
}

const DAY = 86_400_000;
/** +5% per doubling of visits, at most +15% (seen 8 times). */
const SEEN_WEIGHT = 0.05;
const SEEN_CAP = 0.15;
const SAVED_BOOST = 1.15;

/** The factor a chunk's fused score is multiplied by. Future times count as now (clock skew). */
export function boost(info: CandidateInfo, options: RankOptions): number {
  const { now, recencyWeight = 0.2, halfLifeDays = 30 } = options;
  const ageDays = Math.max(0, now - info.time) / DAY;
  const recency = 1 + recencyWeight * 0.5 ** (ageDays / halfLifeDays);
  const seen = 1 + Math.min(SEEN_CAP, SEEN_WEIGHT * Math.log2(Math.max(1, info.timesSeen ?? 1)));
  return (Number.isFinite(recency) ? recency : 1) * seen * (info.saved ? SAVED_BOOST : 1);
}

/** Text that differs only in case, width or spacing gets the same key. */
export function duplicateKey(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ').trim();
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/**
 * Keeps the first (best) of each group of duplicates: the same text after duplicateKey, or
 * vectors at least `minCosine` alike. Pairwise over kept items: meant for a few hundred at most.
 */
export function collapseDuplicates<T extends { id: string }>(
  ranked: readonly T[],
  infoOf: (id: string) => CandidateInfo | undefined,
  minCosine = 0.97,
): T[] {
  const keys = new Set<string>();
  const vectors: Array<ArrayLike<number>> = [];
  return ranked.filter(({ id }) => {
    const info = infoOf(id);
    const key = info?.text === undefined ? undefined : duplicateKey(info.text);
    if (key !== undefined && keys.has(key)) return false;
    const v = info?.vector;
    if (v && vectors.some((w) => cosine(v, w) >= minCosine)) return false;
    if (key !== undefined) keys.add(key);
    if (v) vectors.push(v);
    return true;
  });
}

/** At most `max` items per source, keeping order. */
export function capPerSource<T extends { sourceId: string }>(
  ranked: readonly T[],
  max: number,
): T[] {
  const count = new Map<string, number>();
  return ranked.filter(({ sourceId }) => {
    const n = count.get(sourceId) ?? 0;
    count.set(sourceId, n + 1);
    return n < max;
  });
}

/**
 * Fuses ranked candidate lists (best first, e.g. BM25 and dense) into the final top results.
 * Ids `infoOf` does not know (deleted since indexing) are dropped.
 */
export function rankCandidates(
  lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  infoOf: (id: string) => CandidateInfo | undefined,
  options: RankOptions,
): Ranked[] {
  const {
    limit = 10,
    perSource = 2,
    duplicateCosine = 0.97,
    fuse = reciprocalRankFusion,
  } = options;
  const boosted: Ranked[] = [];
  for (const { id, score } of fuse(lists)) {
    const info = infoOf(id);
    if (info) boosted.push({ id, sourceId: info.sourceId, score: score * boost(info, options) });
  }
  // Array.prototype.sort is stable: equal scores keep the fused order.
  boosted.sort((a, b) => b.score - a.score);
  return capPerSource(collapseDuplicates(boosted, infoOf, duplicateCosine), perSource).slice(
    0,
    limit,
  );
}
