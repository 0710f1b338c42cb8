/**
 * The engine's share of a source's graph (issue 14), worked out outside any transaction before the
 * commit: entities from its metadata, its key phrases (document frequencies from the keyword index)
 * and the known names in its text (core/graph/source-graph.ts), and its nearest sources by
 * embedding from the dense index. The commit (shared/store/graph-write.ts) resolves and counts.
 */
import { sourceEntities } from '../../core/graph/source-graph';
import type { SourceRow } from '../../shared/db';
import { sourceIdOfChunk } from '../../shared/store/chunks';
import type { SourceGraphInput } from '../../shared/store/graph-write';
import type { MemoryIndex } from '../index/memory-index';
import type { KnownEntities } from './known-entities';

/** Nearest sources linked as `similar` per new source. */
export const SIMILAR_LINKS = 3;
/** Chunks asked of the dense index to find that many distinct sources. */
const SIMILAR_CHUNKS = 24;

/** The mean of a source's chunk vectors: what it is about as a whole. */
function meanVector(vectors: readonly Float32Array[]): Float32Array | undefined {
  const first = vectors[0];
  if (!first) return undefined;
  const mean = new Float32Array(first.length);
  for (const v of vectors) for (let i = 0; i < mean.length; i++) mean[i]! += v[i] ?? 0;
  return mean;
}

/** The sources nearest to these vectors in the dense index, not `self`, nearest first. */
export function nearestSources(
  index: MemoryIndex,
  self: string,
  vectors: readonly Float32Array[],
): string[] {
  const mean = meanVector(vectors);
  if (!mean || index.vectors.size === 0) return [];
  let hits: Array<{ id: string; score: number }>;
  try {
    hits = index.vectors.search(mean, SIMILAR_CHUNKS);
  } catch {
    // Another model's dimension (a switch in progress): no similar links rather than no commit.
    return [];
  }
  const out: string[] = [];
  for (const hit of hits) {
    const id = sourceIdOfChunk(hit.id);
    if (id === self || out.includes(id) || hit.score <= 0) continue;
    out.push(id);
    if (out.length >= SIMILAR_LINKS) break;
  }
  return out;
}

/**
 * What the graph gains from a source. A glimpse repeats its page (linked to it) and an address
 * kept alone has no text: both add only their site. `vectors`: its chunks' embeddings, if made.
 */
export async function sourceGraph(
  source: SourceRow,
  index: MemoryIndex,
  known: KnownEntities,
  vectors: readonly Float32Array[],
): Promise<SourceGraphInput | undefined> {
  if (source.kind === 'glimpse' || source.extractor === 'url-only') return undefined;
  await known.ready();
  const keyword = index.keyword;
  const { entities, matched } = sourceEntities({
    metadata: source.metadata,
    title: source.title,
    text: source.text,
    stats: { df: (term) => keyword.documentFrequency(term), documents: keyword.size },
    known,
  });
  return { entities, matched, similar: nearestSources(index, source.id, vectors) };
}
