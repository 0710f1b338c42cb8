/**
 * A plain search by one method, for benchmarks and tests (`engine/search`): which sources a dense
 * query (vectors only) or a keyword query (BM25 only) finds, best first. Answers use retrieve.ts.
 */
import type { SearchRequest } from '../../shared/engine-info';
import { sourceIdOfChunk } from '../../shared/store/chunks';
import type { Embedder } from '../models/embedder';
import type { MemoryIndex } from './memory-index';

export async function searchSources(
  index: MemoryIndex,
  embedder: Embedder,
  { query, mode, limit }: SearchRequest,
): Promise<string[]> {
  // Chunks, not sources, are ranked: ask for more so that `limit` distinct sources remain.
  const k = limit * 4;
  let hits: Array<{ id: string }> = [];
  if (mode === 'keyword') hits = index.keyword.search(query, k);
  else if (index.vectors.size > 0) {
    const [vector] = await embedder.embed([query], 'query');
    hits = vector ? index.vectors.search(vector, k) : [];
  }
  return [...new Set(hits.map((h) => sourceIdOfChunk(h.id)))].slice(0, limit);
}
