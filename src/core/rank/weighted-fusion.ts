/**
 * Weighted reciprocal rank fusion: list i adds weight_i / (k + rank) for each id it holds, so a
 * retriever that is known to be weaker counts for less. With every weight 1 it is exactly
 * reciprocalRankFusion (fusion.ts). Weighted RRF is what Elasticsearch, OpenSearch and Azure AI
 * Search offer for hybrid search; Bruch, Gai & Ingber (ACM TOIS 2023, "An Analysis of Fusion
 * Functions for Hybrid Retrieval") show RRF's outcome depends on its constants and that tuning
 * them per retriever on a small question set pays.
 *
 * Why here: with a weak embedding model (the fixture GloVe model), plain RRF lets a page found
 * only by keyword at rank 1 fall below pages both lists rank middling, and hybrid loses to keyword
 * on MRR (scripts/eval/retrieval.ts). The weight belongs to the embedding model, measured by the
 * eval, not to the code: a strong multilingual model should keep weight 1.
 */
export interface WeightedFusionOptions {
  /** One weight per list (missing ones are 1); finite and >= 0. */
  weights?: readonly number[];
  /** Damps the top ranks; 60 as in Cormack et al. (SIGIR 2009). */
  k?: number;
}

export function weightedReciprocalRankFusion(
  lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  { weights = [], k = 60 }: WeightedFusionOptions = {},
): Array<{ id: string; score: number }> {
  if (!Number.isFinite(k) || k < 0) throw new RangeError(`fusion: k must be >= 0, got ${k}`);
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`fusion: bad weight ${w}`);
  }
  const fused = new Map<string, { id: string; score: number; first: number }>();
  lists.forEach((list, i) => {
    const weight = weights[i] ?? 1;
    const seen = new Set<string>();
    list.forEach(({ id }, rank) => {
      // As in reciprocalRankFusion: a list that repeats an id counts it at its best rank only,
      // and an id enters the tie order when first seen, even from a list of weight 0.
      if (seen.has(id)) return;
      seen.add(id);
      const entry = fused.get(id) ?? { id, score: 0, first: fused.size };
      entry.score += weight / (k + rank + 1);
      fused.set(id, entry);
    });
  });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ id, score }) => ({ id, score }));
}
