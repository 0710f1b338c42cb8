import { describe, expect, it } from 'vitest';
import { BinaryIndex, type BinaryIndexSnapshot } from './binary-index';

const DIM = 40;
const vector = (i: number): number[] =>
  Array.from({ length: DIM }, (_, j) => 0.5 + Math.sin(i * 12.9898 + j * 78.233));

/** 2,000 rows: past two centring points, so the snapshot carries a centre. */
function filled(): BinaryIndex {
  const index = new BinaryIndex(DIM, { modelId: 'e5-small' });
  for (let i = 0; i < 2_000; i++) index.upsert(`c${i}`, vector(i));
  return index;
}

const expected = { modelId: 'e5-small', dim: DIM };

describe('BinaryIndex snapshots', () => {
  it('round-trip through structured clone (what IndexedDB stores) with identical results', () => {
    const index = filled();
    index.remove('c7');
    const snap = index.toSnapshot();
    expect(snap.centre).not.toBeNull();
    expect(snap.codes).toBeInstanceOf(Uint32Array);
    const loaded = BinaryIndex.fromSnapshot(structuredClone(snap), expected);
    expect([loaded.size, loaded.modelId, loaded.has('c7'), loaded.has('c8')]).toEqual([
      1_999,
      'e5-small',
      false,
      true,
    ]);
    for (const q of [vector(3), vector(999), vector(5_000)]) {
      expect(loaded.search(q, 10, { candidates: 50 })).toEqual(
        index.search(q, 10, { candidates: 50 }),
      );
    }
  });

  it('keeps working after a load: upserts, removes, growth', () => {
    const loaded = BinaryIndex.fromSnapshot(filled().toSnapshot(), expected);
    for (let i = 2_000; i < 2_100; i++) loaded.upsert(`c${i}`, vector(i));
    loaded.remove('c0');
    loaded.upsert('c1', vector(1_234));
    expect(loaded.size).toBe(2_099);
    expect(loaded.search(vector(2_050), 1)[0]).toEqual({
      id: 'c2050',
      score: expect.closeTo(1, 3) as number,
    });
    expect(
      loaded
        .search(vector(1_234), 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['c1', 'c1234']);
  });

  it('is a copy: later changes to the index do not leak into it', () => {
    const index = filled();
    const snap = index.toSnapshot();
    index.remove('c0');
    index.upsert('new', vector(1));
    expect(snap.ids).toHaveLength(2_000);
    expect(snap.ids[0]).toBe('c0');
  });

  it('re-encodes when loaded without centring', () => {
    const plain = BinaryIndex.fromSnapshot(filled().toSnapshot(), expected, { centring: false });
    const exact = plain.search(vector(42), 5, { candidates: 2_000 });
    expect(exact[0]?.id).toBe('c42');
    expect(plain.toSnapshot().centre).toBeNull();
  });

  it('refuses snapshots of another model, dimension or shape, saying why', () => {
    const snap = filled().toSnapshot();
    const load =
      (s: BinaryIndexSnapshot, e = expected) =>
      () =>
        BinaryIndex.fromSnapshot(s, e);
    expect(load(snap, { modelId: 'bge-m3', dim: DIM })).toThrow(
      /made by model "e5-small", the index expects "bge-m3"/,
    );
    expect(load(snap, { modelId: 'e5-small', dim: 384 })).toThrow(
      /40 dimensions, the index expects 384/,
    );
    expect(load({ ...snap, scales: snap.scales.subarray(1) })).toThrow(/1999 scales for 2000 ids/);
    expect(load({ ...snap, times: snap.times.subarray(2) })).toThrow(
      /3998 times for 2000 ids, not 4000/,
    );
    expect(load({ ...snap, codes: snap.codes.subarray(4) })).toThrow(/codes hold/);
    expect(load({ ...snap, vectors: snap.vectors.subarray(1) })).toThrow(/vectors hold/);
    expect(load({ ...snap, ids: snap.ids.map((id, i) => (i === 5 ? 'c4' : id)) })).toThrow(
      /duplicate ids/,
    );
    const bad = { ...snap, format: 'other' } as unknown as BinaryIndexSnapshot;
    expect(load(bad)).toThrow(/format other/);
  });
});
