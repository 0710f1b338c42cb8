/**
 * The in-memory search indexes of the engine: BM25 over every chunk and a flat vector index over
 * the chunks embedded by the current model. Loaded from IndexedDB at start, updated on every
 * commit; IndexedDB stays the truth, so a crash never needs a rebuild step.
 * Issue #4 replaces the flat float scan with 1-bit codes and persists the keyword index.
 */
import { Bm25Index } from '../core/bm25';
import { dequantizeInt8, FlatVectorIndex } from '../core/vector';
import type { ChunkRow, EngramDb } from '../shared/db';
import type { EmbeddingModelSpec } from '../shared/model-registry';

export class MemoryIndex {
  readonly keyword = new Bm25Index();
  readonly vectors: FlatVectorIndex;
  private readonly chunksOf = new Map<string, string[]>();

  constructor(readonly model: EmbeddingModelSpec) {
    this.vectors = new FlatVectorIndex(model.dims);
  }

  async load(db: EngramDb): Promise<void> {
    const titles = new Map<string, string>();
    await db.sources
      .where('status')
      .equals('indexed')
      .each((s) => titles.set(s.id, s.title));
    await db.chunks.each((chunk) => this.addChunk(chunk, titles.get(chunk.sourceId) ?? ''));
  }

  /** Replace everything indexed for a source by its new chunks. */
  replaceSource(sourceId: string, title: string, chunks: readonly ChunkRow[]): void {
    this.removeSource(sourceId);
    for (const chunk of chunks) this.addChunk(chunk, title);
  }

  removeSource(sourceId: string): void {
    for (const id of this.chunksOf.get(sourceId) ?? []) {
      this.keyword.remove(id);
      this.vectors.remove(id);
    }
    this.chunksOf.delete(sourceId);
  }

  setVector(chunkId: string, vector: Float32Array): void {
    this.vectors.upsert(chunkId, vector);
  }

  get chunkCount(): number {
    return this.keyword.size;
  }

  private addChunk(chunk: ChunkRow, title: string): void {
    // The title is searchable too: it is often the words a person remembers.
    this.keyword.add(chunk.id, chunk.ord === 0 && title ? `${title}\n${chunk.text}` : chunk.text);
    if (chunk.vector && chunk.scale !== undefined && chunk.model === this.model.id) {
      this.vectors.upsert(chunk.id, dequantizeInt8(chunk.vector, chunk.scale));
    }
    const ids = this.chunksOf.get(chunk.sourceId);
    if (ids) ids.push(chunk.id);
    else this.chunksOf.set(chunk.sourceId, [chunk.id]);
  }
}
