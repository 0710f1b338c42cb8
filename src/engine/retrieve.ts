/**
 * Hybrid retrieval: BM25 and dense vectors, fused by weighted reciprocal rank (the dense weight
 * belongs to the embedding model, measured by the eval), then grouped by source (a
 * few chunks per source at most) so an answer cites several sources rather than one page many
 * times. Keyword search needs no model, so it answers from the first second.
 */
import { weightedReciprocalRankFusion } from '../core/weighted-fusion';
import type { ChunkRow, EngramDb, SourceRow } from '../shared/db';
import type { Embedder } from './embedder';
import type { MemoryIndex } from './memory-index';

const CANDIDATES = 50;

export interface RetrievedSource {
  source: SourceRow;
  /** Best first. */
  chunks: ChunkRow[];
  score: number;
}

export interface RetrieveOptions {
  /** Use dense vectors (the embedder must be ready). */
  dense: boolean;
  maxSources?: number;
  chunksPerSource?: number;
}

export async function retrieve(
  db: EngramDb,
  index: MemoryIndex,
  embedder: Embedder,
  question: string,
  { dense, maxSources = 4, chunksPerSource = 2 }: RetrieveOptions,
): Promise<RetrievedSource[]> {
  const lists = [index.keyword.search(question, CANDIDATES)];
  if (dense && index.vectors.size > 0) {
    const [query] = await embedder.embed([question], 'query');
    if (query) lists.push(index.vectors.search(query, CANDIDATES));
  }
  const fused = weightedReciprocalRankFusion(lists, { weights: [1, embedder.spec.denseWeight] });
  if (fused.length === 0) return [];

  const ranked = new Map<string, { chunkIds: string[]; score: number }>();
  for (const { id, score } of fused) {
    const sourceId = id.slice(0, id.lastIndexOf('#'));
    const entry = ranked.get(sourceId);
    if (!entry) {
      if (ranked.size >= maxSources) continue;
      ranked.set(sourceId, { chunkIds: [id], score });
    } else if (entry.chunkIds.length < chunksPerSource) {
      entry.chunkIds.push(id);
    }
  }
  const sourceIds = [...ranked.keys()];
  const [sources, chunks] = await Promise.all([
    db.sources.bulkGet(sourceIds),
    db.chunks.bulkGet([...ranked.values()].flatMap((e) => e.chunkIds)),
  ]);
  const chunkById = new Map(chunks.filter((c) => c !== undefined).map((c) => [c.id, c]));
  const results: RetrievedSource[] = [];
  sources.forEach((source, i) => {
    const entry = ranked.get(sourceIds[i] ?? '');
    if (!source || !entry) return; // Deleted since it was indexed.
    const best = entry.chunkIds.map((id) => chunkById.get(id)).filter((c) => c !== undefined);
    if (best.length > 0) results.push({ source, chunks: best, score: entry.score });
  });
  return results;
}
