import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dequantizeInt8, dot, FlatVectorIndex, normalize, quantizeInt8 } from './vector';

describe('vector math', () => {
  it('quantises symmetrically and round-trips within half a step', () => {
    const v = [0.5, -1, 0.25, 0];
    const { vector, scale } = quantizeInt8(v);
    expect(scale).toBeCloseTo(1 / 127);
    expect(Array.from(vector)).toEqual([64, -127, 32, 0]);
    const back = dequantizeInt8(vector, scale);
    v.forEach((x, i) => expect(Math.abs((back[i] ?? 0) - x)).toBeLessThanOrEqual(scale / 2 + 1e-9));
  });

  it('gives scale 0 for a zero vector', () => {
    const { vector, scale } = quantizeInt8([0, 0, 0]);
    expect(scale).toBe(0);
    expect(Array.from(dequantizeInt8(vector, scale))).toEqual([0, 0, 0]);
  });

  it('computes dot products and unit vectors', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(() => dot([1], [1, 2])).toThrow(/lengths differ/);
    const n = normalize([3, 4]);
    expect(n[0]).toBeCloseTo(0.6);
    expect(n[1]).toBeCloseTo(0.8);
    expect(Array.from(normalize([0, 0]))).toEqual([0, 0]);
  });
});

describe('FlatVectorIndex', () => {
  it('searches by cosine similarity', () => {
    const index = new FlatVectorIndex(3);
    index.upsert('x', [10, 0, 0]);
    index.upsert('y', [0, 1, 0]);
    index.upsert('xy', [1, 1, 0]);
    const hits = index.search([1, 0.1, 0], 2);
    expect(hits.map((h) => h.id)).toEqual(['x', 'xy']);
    expect(hits[0]?.score).toBeCloseTo(1 / Math.sqrt(1.01), 5);
    expect(index.search([0, 1, 0], 5, (id) => id !== 'y').map((h) => h.id)).toEqual(['xy', 'x']);
  });

  it('replaces, removes (moving the last row) and grows', () => {
    const index = new FlatVectorIndex(2);
    for (let i = 0; i < 200; i++) index.upsert(`v${i}`, [Math.cos(i), Math.sin(i)]);
    expect(index.size).toBe(200);
    expect(index.remove('v0')).toBe(true);
    expect(index.remove('v0')).toBe(false);
    expect(index.has('v199')).toBe(true);
    expect(index.search([Math.cos(199), Math.sin(199)], 1)[0]?.id).toBe('v199');
    index.upsert('v5', [1, 0]);
    expect(index.size).toBe(199);
    expect(index.search([1, 0], 1)[0]).toEqual({ id: 'v5', score: 1 });
  });

  it('rejects wrong dimensions and non-finite values clearly', () => {
    const index = new FlatVectorIndex(384);
    expect(index.dim).toBe(384);
    expect(() => index.upsert('a', [1, 2])).toThrow(/2 dimensions, index expects 384/);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(/3 dimensions/);
    expect(() => new FlatVectorIndex(2).upsert('a', [Number.NaN, 1])).toThrow(/NaN/);
    expect(() => new FlatVectorIndex(0)).toThrow(/positive integer/);
  });

  it('agrees with a naive sort on random data (property)', () => {
    const dim = 8;
    const vec = fc.array(fc.float({ min: -1, max: 1, noNaN: true }), {
      minLength: dim,
      maxLength: dim,
    });
    const ops = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), vec, fc.boolean()), {
      maxLength: 120,
    });
    fc.assert(
      fc.property(ops, vec, fc.integer({ min: 1, max: 12 }), (steps, query, k) => {
        const index = new FlatVectorIndex(dim);
        const model = new Map<string, Float32Array>();
        for (const [n, v, del] of steps) {
          if (del) {
            expect(index.remove(`id${n}`)).toBe(model.delete(`id${n}`));
          } else {
            index.upsert(`id${n}`, v);
            model.set(`id${n}`, normalize(v));
          }
        }
        const q = normalize(query);
        const naive = [...model]
          .map(([id, v]) => ({ id, score: dot(q, v) }))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
          .slice(0, k);
        const hits = index.search(query, k);
        expect(index.size).toBe(model.size);
        expect(hits).toHaveLength(naive.length);
        hits.forEach((h, i) => expect(h.score).toBeCloseTo(naive[i]?.score ?? Number.NaN, 5));
      }),
      { numRuns: 200 },
    );
  });
});
