/**
 * One embedding model's dense index inside the memory index, with the chunks that still lack that
 * model's vector. The model in use has one slot; while memory is re-embedded for a newly chosen
 * model (issue 3) that model has a second, which no search reads.
 */
import { BinaryIndex, type BinaryIndexSnapshot } from '../../core/index/binary-index';
import type { ChunkRow } from '../../shared/db';
import type { EmbeddingModelSpec } from '../../shared/model-registry';
import { vectorFor } from '../../shared/store/chunk-vectors';

export class DenseSlot {
  /** Chunks without this model's vector (committed while it loaded, or not yet re-embedded). */
  private readonly missing = new Set<string>();

  constructor(
    readonly model: EmbeddingModelSpec,
    readonly index = new BinaryIndex(model.dims, { modelId: model.id }),
  ) {}

  /** A slot from a persisted index (none: empty), missing whichever of `chunkIds` it lacks. */
  static restore(
    model: EmbeddingModelSpec,
    snapshot: BinaryIndexSnapshot | undefined,
    chunkIds: Iterable<string>,
  ): DenseSlot {
    const expected = { modelId: model.id, dim: model.dims };
    const slot = new DenseSlot(
      model,
      snapshot ? BinaryIndex.fromSnapshot(snapshot, expected) : undefined,
    );
    for (const id of chunkIds) if (!slot.index.has(id)) slot.missing.add(id);
    return slot;
  }

  /** A new chunk: filed with this model's vector, or noted as missing one. */
  add(chunk: ChunkRow, times: number[]): void {
    this.missing.add(chunk.id);
    this.file(chunk, times);
  }

  /** Files the chunk's vector from this model, if the row has one. */
  file(chunk: ChunkRow, times: number[]): void {
    const own = vectorFor(chunk, this.model.id);
    if (!own) return;
    this.index.upsertInt8(chunk.id, own.vector, times);
    this.missing.delete(chunk.id);
  }

  set(chunkId: string, vector: Float32Array, times: number[]): void {
    this.index.upsert(chunkId, vector, times);
    this.missing.delete(chunkId);
  }

  remove(chunkId: string): void {
    this.index.remove(chunkId);
    this.missing.delete(chunkId);
  }

  /** Up to `limit` chunks that still need a vector from this model. */
  unembedded(limit: number): string[] {
    const ids: string[] = [];
    for (const id of this.missing) {
      if (ids.length >= limit) break;
      ids.push(id);
    }
    return ids;
  }

  /** Stop asking for these (deleted meanwhile, or no vector came back). */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.missing.delete(id);
  }
}
