import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareScored, TopK } from './top-k';

describe('TopK', () => {
  it('keeps the k best, best first, ties by id', () => {
    const top = new TopK(3);
    for (const [id, score] of [
      ['a', 1],
      ['b', 5],
      ['c', 3],
      ['d', 5],
      ['e', 0],
    ] as const) {
      top.push(id, score);
    }
    expect(top.result()).toEqual([
      { id: 'b', score: 5 },
      { id: 'd', score: 5 },
      { id: 'c', score: 3 },
    ]);
  });

  it('agrees with a full sort', () => {
    const items = fc.uniqueArray(
      fc.record({ id: fc.string(), score: fc.integer({ min: -5, max: 5 }) }),
      {
        selector: (x) => x.id,
      },
    );
    fc.assert(
      fc.property(items, fc.nat(20), (xs, k) => {
        const top = new TopK(k);
        for (const x of xs) top.push(x.id, x.score);
        expect(top.result()).toEqual([...xs].sort(compareScored).slice(0, k));
      }),
    );
  });

  it('ignores NaN scores and k = 0', () => {
    const top = new TopK(2);
    top.push('a', Number.NaN);
    expect(top.result()).toEqual([]);
    const none = new TopK(0);
    none.push('a', 1);
    expect(none.result()).toEqual([]);
  });
});
