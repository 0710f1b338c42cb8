/** Retrieval metrics over per-question ranks, and a paired bootstrap to tell noise from gains. */

export interface Metrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  /** Mean reciprocal rank of the answer page (0 where it is not among the candidates). */
  mrr: number;
}

/** 1-based ranks, null where the answer was not found. */
export function metricsOf(ranks: ReadonlyArray<number | null>): Metrics {
  const n = ranks.length;
  const share = (cut: number): number =>
    n === 0 ? 0 : ranks.filter((r) => r !== null && r <= cut).length / n;
  return {
    questions: n,
    recallAt1: share(1),
    recallAt5: share(5),
    recallAt10: share(10),
    mrr: n === 0 ? 0 : ranks.reduce<number>((sum, r) => sum + reciprocal(r), 0) / n,
  };
}

export const reciprocal = (rank: number | null): number => (rank === null ? 0 : 1 / rank);

export interface Interval {
  mean: number;
  low: number;
  high: number;
}

/** Mulberry32: a tiny seeded PRNG, so the same ranks always give the same interval. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mean of a[i] - b[i] with a 95% percentile bootstrap interval, resampling questions (paired: both
 * methods answered the same questions). An interval that spans 0 means the set cannot tell the
 * two methods apart.
 */
export function pairedBootstrap(
  a: readonly number[],
  b: readonly number[],
  { resamples = 2000, seed = 1 }: { resamples?: number; seed?: number } = {},
): Interval {
  if (a.length !== b.length) throw new Error('pairedBootstrap: lengths differ');
  const n = a.length;
  const diff = a.map((x, i) => x - (b[i] ?? 0));
  const mean = n === 0 ? 0 : diff.reduce((s, d) => s + d, 0) / n;
  if (n === 0) return { mean, low: 0, high: 0 };
  const random = mulberry32(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diff[Math.floor(random() * n)] ?? 0;
    means.push(sum / n);
  }
  means.sort((x, y) => x - y);
  const at = (q: number): number => means[Math.min(resamples - 1, Math.floor(q * resamples))] ?? 0;
  return { mean, low: at(0.025), high: at(0.975) };
}
