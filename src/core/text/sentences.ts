/**
 * Sentence spans (UAX #29 via Intl.Segmenter, so 。！？ end Chinese sentences), trimmed of
 * whitespace and aligned to grapheme clusters. Shared by the chunker and extractive answers.
 */
import { snapBack, snapForward } from './grapheme';
import { segmentSpans, sentenceSegmenter } from './segment';

export interface Span {
  start: number;
  end: number;
}

const SPACE = /\s/;

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return SPACE.test(text.charAt(i));
}

/**
 * [start, end) without leading and trailing whitespace, or undefined when nothing is left.
 * Only whole whitespace clusters are removed: " \u0301" (a space carrying a combining mark) stays.
 * `start` and `end` must be cluster boundaries.
 */
export function trimSpan(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && isSpace(text, s)) s++;
  while (e > s && isSpace(text, e - 1)) e--;
  if (s >= e) return undefined;
  // Only a trimmed edge can land inside a cluster; untouched edges are boundaries already.
  return { start: s === start ? s : snapBack(text, s), end: e === end ? e : snapForward(text, e) };
}

/**
 * Trimmed, non-empty sentence spans of text[start, end). Line breaks end sentences too (a
 * paragraph separator in UAX #29), which suits lists and headings.
 */
export function sentenceSpans(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let from = start;
  const push = (to: number): void => {
    const t = to > from ? trimSpan(text, from, to) : undefined;
    if (t) spans.push(t);
    from = Math.max(from, to);
  };
  for (const seg of segmentSpans(sentenceSegmenter, text, start, end)) {
    // Sentence boundaries are almost always cluster boundaries (a format character such as
    // U+0600 can disagree); snapping keeps the exception from splitting a cluster.
    push(seg.end === end ? end : snapBack(text, seg.end));
  }
  push(end);
  return spans;
}
