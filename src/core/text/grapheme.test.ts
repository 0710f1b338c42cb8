import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterAt, isGraphemeBoundary, snapBack, snapForward } from './grapheme';
import { graphemeBoundaries, hostileText } from './test-arbitraries';

describe('grapheme boundaries', () => {
  it('agree with Intl.Segmenter over the whole text', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const truth = graphemeBoundaries(text);
        for (let i = 0; i <= text.length; i++) {
          expect(isGraphemeBoundary(text, i), `offset ${i}`).toBe(truth.has(i));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('find the cluster around an offset', () => {
    const text = 'a👨‍👩‍👧b';
    expect(clusterAt(text, 3)).toEqual({ start: 1, end: 9 });
    expect(snapBack(text, 3)).toBe(1);
    expect(snapForward(text, 3)).toBe(9);
    expect(snapForward(text, 1)).toBe(1);
  });

  it('keep flag pairs together in long runs of regional indicators', () => {
    const flags = '🇯🇵'.repeat(100); // no plain boundary anywhere: the slow path
    for (const i of [200, 202, 398]) expect(isGraphemeBoundary(flags, i)).toBe(i % 4 === 0);
  });

  it('find the end of a cluster longer than the look-ahead', () => {
    const zalgo = `x${'\u0301'.repeat(300)}y`;
    expect(clusterAt(zalgo, 1)).toEqual({ start: 0, end: 301 });
  });
});
