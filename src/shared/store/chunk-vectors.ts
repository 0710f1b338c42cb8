/**
 * A chunk row holds up to two embedding models' vectors: `vector`/`scale`/`model`, and `next`.
 * Two are needed while memory is re-embedded for a newly chosen model (issue 3): the model in use
 * keeps answering from its vectors until every chunk has the new model's. Readers ask by model,
 * so which slot holds which never matters to them.
 */
import type { ChunkRow, ChunkVector } from '../db';

/** The vector `model` made for this chunk, if any. */
export function vectorFor(chunk: ChunkRow, model: string): ChunkVector | undefined {
  if (chunk.vector && chunk.scale !== undefined && chunk.model === model) {
    return { vector: chunk.vector, scale: chunk.scale, model };
  }
  return chunk.next?.model === model ? chunk.next : undefined;
}

/**
 * The fields that store `v` in a chunk: in the slot that already holds its model, else in an
 * empty slot, else in the slot that does not hold `keep` (the other model still needed).
 */
export function placeVector(chunk: ChunkRow, v: ChunkVector, keep?: string): Partial<ChunkRow> {
  const main = { vector: v.vector, scale: v.scale, model: v.model };
  if (chunk.model === v.model) return main;
  if (chunk.next?.model === v.model) return { next: v };
  if (chunk.vector === undefined) return main;
  if (chunk.next === undefined) return { next: v };
  return chunk.model === keep ? { next: v } : main;
}
