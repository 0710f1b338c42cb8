import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSpans, sentenceSegmenter, wordSegmenter } from './segment';
import { graphemeBoundaries, hostileText } from './test-arbitraries';

describe('segmentSpans', () => {
  it('matches the segmenter on text shorter than a window', () => {
    const text = 'Hello world. 我昨天读了文章。';
    const direct = [...wordSegmenter.segment(text)].map((s) => s.segment);
    const spans = [...segmentSpans(wordSegmenter, text)].map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(direct);
  });

  it('gives the same sentences in small windows as in one pass', () => {
    const text = 'One short sentence. Another one here! 第三句。第四句？ '.repeat(20);
    const oneWindow = [...segmentSpans(sentenceSegmenter, text, 0, text.length, 100_000)];
    const windowed = [...segmentSpans(sentenceSegmenter, text, 0, text.length, 64)];
    expect(windowed).toEqual(oneWindow);
  });

  it('partitions the range at cluster boundaries, even with tiny windows', () => {
    fc.assert(
      fc.property(hostileText(), fc.integer({ min: 2, max: 40 }), (text, window) => {
        const spans = [...segmentSpans(sentenceSegmenter, text, 0, text.length, window)];
        const truth = graphemeBoundaries(text);
        let pos = 0;
        for (const s of spans) {
          expect(s.start).toBe(pos);
          expect(s.end).toBeGreaterThan(s.start);
          expect(truth.has(s.end)).toBe(true);
          pos = s.end;
        }
        expect(pos).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a run-on sentence after a space', () => {
    const text = 'word '.repeat(30);
    const spans = [...segmentSpans(sentenceSegmenter, text, 0, text.length, 32)];
    for (const s of spans) expect(text.slice(s.start, s.end)).toMatch(/^(word )+$/);
  });
});
