/**
 * `library/search`: the library's search as you type runs the chat's own retrieval (retrieve.ts:
 * keywords and vectors fused, recency, the relevance gate, one result per capture), so what the
 * library finds for a phrase is what the chat would cite for it. Vectors join only once the
 * embedder is ready: typing must never wait for a model to load. A name of the knowledge graph
 * brings the pages that mention it, as in the chat (answer/entity-sources.ts).
 */
import type { EngramDb } from '../../shared/db';
import type { QuestionEntities } from '../answer/entity-sources';
import { retrieve } from '../answer/retrieve';
import type { Embedder } from '../models/embedder';
import type { MemoryIndex } from './memory-index';

export async function librarySearch(
  db: EngramDb,
  index: MemoryIndex,
  embedder: Embedder,
  { query, limit }: { query: string; limit: number },
  entities?: QuestionEntities,
): Promise<{ sourceIds: string[] }> {
  const found = await retrieve(db, index, embedder, query, {
    dense: embedder.isReady,
    maxSources: limit,
    chunksPerSource: 1,
    entities,
  });
  return { sourceIds: found.sources.map(({ source }) => source.id) };
}
