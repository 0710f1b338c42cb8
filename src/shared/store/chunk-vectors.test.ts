import { describe, expect, it } from 'vitest';
import type { ChunkRow, ChunkVector } from '../db';
import { placeVector, vectorFor } from './chunk-vectors';

const v = (model: string, x = 1): ChunkVector => ({ vector: Int8Array.of(x), scale: 1, model });
const chunk = (main?: ChunkVector, next?: ChunkVector): ChunkRow => ({
  id: 's#0',
  sourceId: 's',
  ord: 0,
  text: 't',
  start: 0,
  end: 1,
  ...(main ? { vector: main.vector, scale: main.scale, model: main.model } : {}),
  ...(next ? { next } : {}),
});
const place = (row: ChunkRow, vector: ChunkVector, keep?: string): ChunkRow => ({
  ...row,
  ...placeVector(row, vector, keep),
});

describe('a chunk holds two models vectors', () => {
  it('reads either slot by model', () => {
    const row = chunk(v('a', 1), v('b', 2));
    expect(vectorFor(row, 'a')?.vector).toEqual(Int8Array.of(1));
    expect(vectorFor(row, 'b')?.vector).toEqual(Int8Array.of(2));
    expect(vectorFor(row, 'c')).toBeUndefined();
    expect(vectorFor(chunk(), 'a')).toBeUndefined();
  });

  it('never overwrites the model to keep, whatever the order of writes', () => {
    // Re-embedding for b while a is in use, on a chunk that had a's vector.
    let row = place(chunk(v('a')), v('b', 2), 'a');
    expect([vectorFor(row, 'a'), vectorFor(row, 'b')].every(Boolean)).toBe(true);
    // A keyword-only chunk got b's vector first; a's backfill then lands beside it.
    row = place(place(chunk(), v('b', 2), 'a'), v('a'));
    expect([vectorFor(row, 'a'), vectorFor(row, 'b')].every(Boolean)).toBe(true);
    // Later, c replaces the stale model, never the one in use (b).
    for (const start of [chunk(v('a'), v('b')), chunk(v('b'), v('a'))]) {
      const after = place(start, v('c', 3), 'b');
      expect(vectorFor(after, 'b')).toBeDefined();
      expect(vectorFor(after, 'c')?.vector).toEqual(Int8Array.of(3));
      expect(vectorFor(after, 'a')).toBeUndefined();
    }
    // A model's new vector replaces its old one in place.
    expect(vectorFor(place(chunk(v('a'), v('b')), v('b', 9)), 'b')?.vector).toEqual(
      Int8Array.of(9),
    );
  });
});
