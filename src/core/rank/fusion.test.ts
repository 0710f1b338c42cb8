import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fusion';

const list = (...ids: string[]): Array<{ id: string }> => ids.map((id) => ({ id }));

describe('reciprocalRankFusion', () => {
  it('rewards ids ranked well in several lists', () => {
    const fused = reciprocalRankFusion([list('a', 'b', 'c'), list('c', 'b', 'd')]);
    // c (ranks 3 and 1) edges out b (2 and 2): 1/63 + 1/61 > 2/62.
    expect(fused.map((f) => f.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(fused[1]?.score).toBeCloseTo(2 / 62, 12);
  });

  it('breaks ties by first appearance', () => {
    const fused = reciprocalRankFusion([list('x', 'y'), list('y', 'x'), list('z')]);
    expect(fused.map((f) => f.id)).toEqual(['x', 'y', 'z']);
  });

  it('counts a repeated id once per list, at its best rank', () => {
    const fused = reciprocalRankFusion([list('a', 'a', 'b')], 1);
    expect(fused).toEqual([
      { id: 'a', score: 1 / 2 },
      { id: 'b', score: 1 / 4 },
    ]);
  });

  it('handles empty input', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });
});
