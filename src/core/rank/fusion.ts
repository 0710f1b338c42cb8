/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): merges ranked lists whose
 * scores are not comparable (BM25 vs cosine) using ranks only. k = 60 is the paper's constant; it
 * damps the weight of the very top ranks.
 */
export function reciprocalRankFusion(
  lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  k = 60,
): Array<{ id: string; score: number }> {
  const fused = new Map<string, { id: string; score: number; first: number }>();
  for (const list of lists) {
    const seen = new Set<string>();
    list.forEach(({ id }, rank) => {
      // A list that repeats an id counts it at its best rank only.
      if (seen.has(id)) return;
      seen.add(id);
      const entry = fused.get(id) ?? { id, score: 0, first: fused.size };
      entry.score += 1 / (k + rank + 1);
      fused.set(id, entry);
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ id, score }) => ({ id, score }));
}
