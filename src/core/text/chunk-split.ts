/**
 * Hard splitting of a sentence larger than the chunk budget: at word boundaries where possible,
 * else between grapheme clusters, so no emoji sequence, flag or surrogate pair is ever cut.
 */
import { isGraphemeBoundary, isPlainBoundary } from './grapheme';
import { graphemeSegmenter, segmentSpans, wordSegmenter } from './segment';
import { trimSpan, type Span } from './sentences';
import { tokenTenths } from './tokenize';

/**
 * Greedy packing of text between consecutive cut points: from each cut, the furthest later cut
 * whose slice fits `budget` (galloping then binary search; fits is monotone because the estimate
 * is). When not even the next cut fits, the slice up to it goes to `tooBig`.
 */
function pack(
  text: string,
  cuts: readonly number[],
  budget: number,
  emit: (start: number, end: number) => void,
  tooBig: (start: number, end: number) => void,
): void {
  const at = (j: number): number => cuts[j] ?? text.length;
  let i = 0;
  while (i < cuts.length - 1) {
    const from = at(i);
    const fits = (j: number): boolean => tokenTenths(text.slice(from, at(j))) <= budget;
    let good = i;
    let step = 1;
    while (good + step < cuts.length && fits(good + step)) {
      good += step;
      step *= 2;
    }
    let bad = Math.min(good + step, cuts.length);
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      if (fits(mid)) good = mid;
      else bad = mid;
    }
    if (good === i) {
      tooBig(from, at(i + 1));
      i += 1;
    } else {
      emit(from, at(good));
      i = good;
    }
  }
}

/** Segment ends in [start, end), preceded by start: the candidate cut points. */
function cutPoints(text: string, segmenter: Intl.Segmenter, start: number, end: number): number[] {
  const cuts = [start];
  for (const seg of segmentSpans(segmenter, text, start, end)) {
    // Word boundaries can fall inside a cluster (after a prepended mark such as U+0600).
    if (seg.end >= end || !isGraphemeBoundary(text, seg.end)) continue;
    if (seg.end > (cuts[cuts.length - 1] ?? start)) cuts.push(seg.end);
  }
  if (cuts[cuts.length - 1] !== end) cuts.push(end);
  return cuts;
}

/** Cluster boundaries in [start, end]; every offset when all are plain (no segmenter needed). */
function graphemeCuts(text: string, start: number, end: number): number[] {
  const cuts = [start];
  for (let i = start + 1; i < end; i++) {
    if (!isPlainBoundary(text, i)) return cutPoints(text, graphemeSegmenter, start, end);
    cuts.push(i);
  }
  cuts.push(end);
  return cuts;
}

/**
 * Pieces of text[start, end), each within `budget` tenths of a token except a single grapheme
 * cluster that alone exceeds it. Pieces are trimmed and in order; together they hold every
 * non-whitespace character of the span.
 */
export function splitOversized(text: string, start: number, end: number, budget: number): Span[] {
  const pieces: Span[] = [];
  const emit = (s: number, e: number): void => {
    const t = trimSpan(text, s, e);
    if (t) pieces.push(t);
  };
  pack(text, cutPoints(text, wordSegmenter, start, end), budget, emit, (ws, we) =>
    pack(text, graphemeCuts(text, ws, we), budget, emit, emit),
  );
  return pieces;
}
