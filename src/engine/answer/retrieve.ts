/**
 * Hybrid retrieval: BM25 and dense vectors (1-bit candidates rescored in int8), fused by weighted
 * reciprocal rank (the dense weight belongs to the embedding model, measured by the eval), nudged
 * by recency and by how often a source was seen, near-duplicates collapsed, at most a few chunks
 * per source, so an answer cites several sources rather than one page many times. A time
 * expression in the question ("last week", "三周前") becomes a filter on when sources were seen.
 * Keyword search needs no model, so it answers from the first second.
 */
import { rankCandidates } from '../../core/rank/rank';
import { parseTimeFilter, type TimeFilter } from '../../core/time/time-query';
import { weightedReciprocalRankFusion } from '../../core/rank/weighted-fusion';
import type { ChunkRow, EngramDb, SourceRow } from '../../shared/db';
import type { Embedder } from '../models/embedder';
import { chunksById, sourceIdOfChunk } from '../../shared/store/chunks';
import { sourcesById } from '../../shared/store/sources';
import type { MemoryIndex } from '../index/memory-index';

const CANDIDATES = 100;

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
  now?: number;
}

export interface Retrieval {
  sources: RetrievedSource[];
  /** The time expression the question was narrowed by, if any. */
  time?: TimeFilter;
}

export async function retrieve(
  db: EngramDb,
  index: MemoryIndex,
  embedder: Embedder,
  question: string,
  { dense, maxSources = 4, chunksPerSource = 2, now = Date.now() }: RetrieveOptions,
): Promise<Retrieval> {
  const time = parseTimeFilter(question, new Date(now));
  const query = time?.rest || question;
  const filter = time ? (id: string) => index.seenBetween(id, time.from, time.to) : undefined;

  const lists = [index.keyword.search(query, CANDIDATES, filter)];
  if (dense && index.vectors.size > 0) {
    const [vector] = await embedder.embed([query], 'query');
    // The dense index filters on its own time column: a typed-array pass, not a call per row.
    const range = time ? { range: { from: time.from, to: time.to } } : {};
    if (vector) lists.push(index.vectors.search(vector, CANDIDATES, range));
  }
  const ranked = rankCandidates(lists, (id) => index.infoOf(id), {
    now,
    limit: maxSources * chunksPerSource * 2,
    perSource: chunksPerSource,
    fuse: (l) => weightedReciprocalRankFusion(l, { weights: [1, embedder.spec.denseWeight] }),
  });

  const bySource = new Map<string, { chunkIds: string[]; score: number }>();
  for (const { id, score } of ranked) {
    const sourceId = sourceIdOfChunk(id);
    const entry = bySource.get(sourceId);
    if (entry) entry.chunkIds.push(id);
    else if (bySource.size < maxSources) bySource.set(sourceId, { chunkIds: [id], score });
  }
  const sourceIds = [...bySource.keys()];
  const [sources, chunks] = await Promise.all([
    sourcesById(db, sourceIds),
    chunksById(
      db,
      [...bySource.values()].flatMap((e) => e.chunkIds),
    ),
  ]);
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  const results: RetrievedSource[] = [];
  sources.forEach((source, i) => {
    const entry = bySource.get(sourceIds[i] ?? '');
    if (!source || !entry) return; // Deleted since it was indexed.
    const best = entry.chunkIds.map((id) => chunkById.get(id)).filter((c) => c !== undefined);
    if (best.length > 0) results.push({ source, chunks: best, score: entry.score });
  });
  return time ? { sources: results, time } : { sources: results };
}
