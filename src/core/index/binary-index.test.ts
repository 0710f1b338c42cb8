import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinaryIndex } from './binary-index';
import { CodeStore } from './code-store';

/** Plain cosine, the exact reference. */
function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0];
    [ab, aa, bb] = [ab + x * y, aa + x * x, bb + y * y];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

function exactTop(rows: Map<string, number[]>, q: number[], k: number): number[] {
  return [...rows.values()]
    .map((v) => cosine(q, v))
    .sort((a, b) => b - a)
    .slice(0, k);
}

/** Integer vectors with one ±127 component: int8 storage holds them without loss. */
const int8Vector = (dim: number): fc.Arbitrary<number[]> =>
  fc
    .tuple(
      fc.array(fc.integer({ min: -127, max: 127 }), { minLength: dim, maxLength: dim }),
      fc.nat(dim - 1),
      fc.boolean(),
    )
    .map(([v, at, neg]) => v.map((x, i) => (i === at ? (neg ? -127 : 127) : x)));

describe('BinaryIndex', () => {
  it('searches by cosine, replaces, swap-removes and reports its size', () => {
    const index = new BinaryIndex(3);
    index.upsert('x', [10, 0, 0]);
    index.upsert('y', [0, 1, 0]);
    index.upsert('xy', [1, 1, 0]);
    const hits = index.search([1, 0.1, 0], 2);
    expect(hits.map((h) => h.id)).toEqual(['x', 'xy']);
    expect(hits[0]?.score).toBeCloseTo(1 / Math.sqrt(1.01), 2);
    index.upsert('x', [0, 0, -1]);
    expect(index.search([0, 0, -1], 1)[0]?.id).toBe('x');
    expect(index.remove('y')).toBe(true);
    expect(index.remove('y')).toBe(false);
    expect([index.size, index.has('y'), index.has('xy')]).toEqual([2, false, true]);
    expect(index.search([0, 1, 0], 5).map((h) => h.id)).toEqual(['xy', 'x']);
    expect(Array.from(index.vectorOf('xy') ?? [])).toEqual([
      expect.closeTo(Math.SQRT1_2, 6),
      expect.closeTo(Math.SQRT1_2, 6),
      0,
    ]);
    expect(index.vectorOf('y')).toBeUndefined();
    expect(new BinaryIndex(3).search([1, 0, 0], 3)).toEqual([]);
    expect(index.search([1, 0, 0], 0)).toEqual([]);
  });

  it('rejects bad dimensions and values clearly', () => {
    const index = new BinaryIndex(384);
    expect(() => index.upsert('a', [1, 2])).toThrow(/2 dimensions, index expects 384/);
    expect(() => index.upsertInt8('a', new Int8Array(3))).toThrow(/3 dimensions/);
    expect(() => index.search(new Float32Array(3), 1)).toThrow(/3 dimensions/);
    expect(() => new BinaryIndex(2).upsert('a', [Number.NaN, 1])).toThrow(/NaN/);
    expect(() => new BinaryIndex(2).upsert('a', [Infinity, 1])).toThrow(/Infinity/);
    expect(() => new BinaryIndex(0)).toThrow(/integer in 1\.\.32768/);
    // Huge but finite components must not overflow the norm.
    const big = new BinaryIndex(2);
    big.upsert('b', [1e200, 1e200]);
    expect(big.search([1, 1], 1)[0]?.score).toBeCloseTo(1, 3);
  });

  it('stores int8 rows as persisted, by direction only', () => {
    const index = new BinaryIndex(4);
    index.upsertInt8('a', Int8Array.from([127, 0, 0, 0]));
    index.upsertInt8('b', Int8Array.from([3, 3, 0, 0]));
    expect(index.search([1, 1, 0, 0], 2)).toEqual([
      { id: 'b', score: expect.closeTo(1, 6) as number },
      { id: 'a', score: expect.closeTo(Math.SQRT1_2, 6) as number },
    ]);
  });

  it('applies the filter before choosing candidates', () => {
    const index = new BinaryIndex(16);
    for (let i = 0; i < 500; i++) {
      index.upsert(
        `r${i}`,
        Array.from({ length: 16 }, (_, j) => Math.sin(i * 7 + j * 13)),
      );
    }
    const query = Array.from({ length: 16 }, (_, j) => Math.sin(j * 13));
    const hits = index.search(query, 3, { candidates: 5, filter: (id) => id.endsWith('7') });
    expect(hits).toHaveLength(3);
    expect(hits.every((h) => h.id.endsWith('7'))).toBe(true);
    expect(index.search(query, 3, { filter: () => false })).toEqual([]);
  });

  it('filters on row times, which follow rows through swap-removes and snapshots', () => {
    const index = new BinaryIndex(8);
    const vector = (i: number) => Array.from({ length: 8 }, (_, j) => Math.cos(i + j * 2));
    for (let i = 0; i < 300; i++) index.upsert(`r${i}`, vector(i), i);
    index.upsert('timeless', vector(150));
    const inRange = (hits: Array<{ id: string }>) =>
      hits.map((h) => Number(h.id.slice(1))).every((t) => t >= 100 && t < 200);
    const range = { from: 100, to: 200 };
    expect(inRange(index.search(vector(150), 10, { range, candidates: 20 }))).toBe(true);
    for (let i = 0; i < 100; i++) index.remove(`r${i}`); // moves rows from the end into 0..99
    expect(index.search(vector(250), 5, { range })).toHaveLength(5);
    expect(inRange(index.search(vector(250), 5, { range }))).toBe(true);
    expect(index.setTimes('r250', [1e9, 150])).toBe(true);
    expect(index.setTimes('nope', 150)).toBe(false);
    expect(index.search(vector(250), 1, { range })[0]?.id).toBe('r250');
    // Saved long ago, seen again last week: either time counts.
    index.upsert('saved', vector(400), [5, 160]);
    expect(index.search(vector(400), 1, { range })[0]?.id).toBe('saved');
    expect(() => index.upsert('x', vector(1), [1, 2, 3])).toThrow(/at most 2 times/);
    const both = index.search(vector(150), 5, { range, filter: (id) => id.endsWith('3') });
    expect(both).toHaveLength(5);
    expect(inRange(both) && both.every((h) => h.id.endsWith('3'))).toBe(true);
    const loaded = BinaryIndex.fromSnapshot(structuredClone(index.toSnapshot()), {
      modelId: 'unknown',
      dim: 8,
    });
    expect(loaded.search(vector(250), 3, { range })).toEqual(
      index.search(vector(250), 3, { range }),
    );
  });

  it.each([true, false])('returns the exact top k when candidates ≥ size (wasm: %s)', (wasm) => {
    const ops = (dim: number) =>
      fc.array(fc.tuple(fc.nat(30), int8Vector(dim), fc.boolean()), { maxLength: 80 });
    const scenario = fc
      .constantFrom(5, 32, 100, 130)
      .chain((dim) =>
        fc.tuple(fc.constant(dim), ops(dim), int8Vector(dim), fc.integer({ min: 1, max: 12 })),
      );
    fc.assert(
      fc.property(scenario, ([dim, steps, query, k]) => {
        const index = new BinaryIndex(dim, { wasm });
        const model = new Map<string, number[]>();
        for (const [n, v, del] of steps) {
          if (del) {
            expect(index.remove(`id${n}`)).toBe(model.delete(`id${n}`));
          } else {
            index.upsert(`id${n}`, v);
            model.set(`id${n}`, v);
          }
        }
        const hits = index.search(query, k, { candidates: model.size });
        const want = exactTop(model, query, k);
        expect(hits.map((h) => h.score)).toEqual(want.map((s) => expect.closeTo(s, 5) as number));
        expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
        const kth = want.at(-1) ?? 0;
        for (const h of hits)
          expect(cosine(query, model.get(h.id) ?? [])).toBeGreaterThan(kth - 1e-5);
      }),
      { numRuns: 60 },
    );
  });

  it('finds ≥ 90% of the exact top 10 on clustered data with 100 candidates (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, wasm) => {
        const { rows, queries } = clustered(seed, 4_000, 64, 40);
        const index = new BinaryIndex(64, { wasm });
        rows.forEach((v, i) => index.upsert(`r${i}`, v));
        const ids = new Map(rows.map((v, i) => [`r${i}`, v]));
        let found = 0;
        for (const q of queries) {
          const kth = exactTop(ids, q, 10).at(-1) ?? 0;
          const hits = index.search(q, 10, { candidates: 100 });
          found += hits.filter((h) => cosine(q, ids.get(h.id) ?? []) >= kth - 1e-9).length;
        }
        expect(found / (10 * queries.length)).toBeGreaterThanOrEqual(0.9);
      }),
      { numRuns: 3 },
    );
  });
});

/** Gaussian clusters around random centres sharing a common offset, like sentence embeddings. */
function clustered(seed: number, n: number, dim: number, clusters: number) {
  let s = seed >>> 0 || 1;
  const uniform = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const common = Array.from({ length: dim }, normal);
  const centres = Array.from({ length: clusters }, () => Array.from({ length: dim }, normal));
  const near = (c: number[]): number[] =>
    c.map((x, i) => 2 * (common[i] ?? 0) + x + 0.6 * normal());
  const rows = Array.from({ length: n }, (_, i) => near(centres[i % clusters] ?? []));
  const queries = Array.from({ length: 30 }, (_, i) => near(centres[i % clusters] ?? []));
  return { rows, queries };
}

describe('scan kernels', () => {
  it('agree with a naive popcount (WASM SIMD, JS)', () => {
    const popcount = (x: number): number => x.toString(2).replaceAll('0', '').length;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 800 }), fc.nat(70), fc.integer(), (dim, n, seed) => {
        const stores = [new CodeStore(dim, true), new CodeStore(dim, false)];
        expect(stores.map((s) => s.usesWasm)).toEqual([true, false]);
        let x = seed | 1;
        const next = (): number => (x = (Math.imul(x, 1_664_525) + 1_013_904_223) | 0) >>> 0;
        const words = Array.from({ length: (n + 1) * (stores[0]?.words ?? 0) }, next);
        const [query, codes] = [words.slice(0, stores[0]?.words), words.slice(stores[0]?.words)];
        for (const store of stores) {
          store.reserve(n);
          store.codes.set(codes);
          store.query.set(query);
          store.scan(n);
          const want = Array.from({ length: n }, (_, r) =>
            query.reduce(
              (d, q, w) => d + popcount((q ^ (codes[r * query.length + w] ?? 0)) >>> 0),
              0,
            ),
          );
          expect(Array.from(store.dist.subarray(0, n))).toEqual(want);
          const hist = new Array<number>(store.bits + 1).fill(0);
          for (const d of want) hist[d]!++;
          expect(Array.from(store.hist)).toEqual(hist);
        }
      }),
      { numRuns: 50 },
    );
  });
});
