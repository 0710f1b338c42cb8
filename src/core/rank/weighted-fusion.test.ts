import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fusion';
import { weightedReciprocalRankFusion } from './weighted-fusion';

const list = (...ids: string[]): Array<{ id: string }> => ids.map((id) => ({ id }));

const rankedLists = fc.array(
  fc.array(
    fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f').map((id) => ({ id })),
    { maxLength: 8 },
  ),
  { maxLength: 4 },
);

describe('weightedReciprocalRankFusion', () => {
  it('is reciprocalRankFusion when every weight is 1', () => {
    fc.assert(
      fc.property(rankedLists, fc.integer({ min: 0, max: 100 }), (lists, k) => {
        const ones = lists.map(() => 1);
        expect(weightedReciprocalRankFusion(lists, { weights: ones, k })).toEqual(
          reciprocalRankFusion(lists, k),
        );
        expect(weightedReciprocalRankFusion(lists, { k })).toEqual(reciprocalRankFusion(lists, k));
      }),
    );
  });

  it('lets a down-weighted list count for less', () => {
    const keyword = list('a', 'b', 'c');
    const dense = list('c', 'b', 'd');
    // Equal weights: c (ranks 3 and 1) beats a (rank 1 in one list only).
    expect(weightedReciprocalRankFusion([keyword, dense], { k: 1 }).map((f) => f.id)).toEqual([
      'c',
      'b',
      'a',
      'd',
    ]);
    // Dense at 0.2: 1/2 for a beats 1/3 + 0.2/3 for b and 1/4 + 0.2/2 for c.
    const fused = weightedReciprocalRankFusion([keyword, dense], { weights: [1, 0.2], k: 1 });
    expect(fused.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(fused[1]?.score).toBeCloseTo(1 / 3 + 0.2 / 3, 12);
  });

  it('with weight 0 keeps a list out of the scores but not out of the results', () => {
    const fused = weightedReciprocalRankFusion([list('a'), list('b', 'a')], { weights: [1, 0] });
    expect(fused).toEqual([
      { id: 'a', score: 1 / 61 },
      { id: 'b', score: 0 },
    ]);
  });

  it('scales every score with a common weight, keeping the order', () => {
    fc.assert(
      // Powers of two scale floating-point sums exactly, so exact ties stay ties (any other factor
      // may round two equal sums apart and flip their order: seed 121618107 found one).
      fc.property(
        rankedLists,
        fc.integer({ min: -7, max: 3 }).map((e) => 2 ** e),
        (lists, w) => {
          const plain = weightedReciprocalRankFusion(lists);
          const scaled = weightedReciprocalRankFusion(lists, { weights: lists.map(() => w) });
          expect(scaled.map((f) => f.id)).toEqual(plain.map((f) => f.id));
          scaled.forEach((f, i) => expect(f.score).toBeCloseTo((plain[i]?.score ?? 0) * w, 9));
        },
      ),
    );
  });

  it('rejects negative or non-finite weights and k', () => {
    expect(() => weightedReciprocalRankFusion([], { weights: [-1] })).toThrow(RangeError);
    expect(() => weightedReciprocalRankFusion([], { weights: [Number.NaN] })).toThrow(RangeError);
    expect(() => weightedReciprocalRankFusion([], { k: -1 })).toThrow(RangeError);
    expect(() => weightedReciprocalRankFusion([], { k: Infinity })).toThrow(RangeError);
  });
});
