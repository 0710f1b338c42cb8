/**
 * Grapheme-cluster boundaries at arbitrary offsets, without segmenting the whole text (see
 * segment.ts for why that is slow). A chunk must never start or end inside a cluster: not inside
 * a surrogate pair, an emoji ZWJ sequence, a flag, or a letter with its combining marks.
 */

/** Created once (construction is costly); segment.ts re-exports it. */
export const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code units between any two of which there is always a cluster boundary (UAX #29), CR LF aside:
 * ASCII, Latin-1 to spacing modifiers, Greek, Cyrillic letters, general punctuation, CJK symbols,
 * kana, CJK ideographs, Hangul syllables, full-width forms. None is Extend, SpacingMark, Prepend,
 * ZWJ, a regional indicator or a Hangul jamo: the ranges skip combining marks (U+0300–036F,
 * U+0483–0489, U+302A–302F, U+3099–309A), ZWJ/ZWNJ and the half-width voiced marks (U+FF9E–F).
 * This makes the common case cheap; grapheme.test.ts checks it against Intl.Segmenter.
 */
const SIMPLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x09, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0x2ff],
  [0x370, 0x482],
  [0x48a, 0x52f],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x3000, 0x3029],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xff01, 0xff9d],
];

function isSimple(code: number): boolean {
  for (const [lo, hi] of SIMPLE_RANGES) {
    if (code < lo) return false;
    if (code <= hi) return true;
  }
  return false;
}

/** True when a boundary at `i` is certain without looking further (the fast path). */
export function isPlainBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i);
  return isSimple(a) && isSimple(b) && !(a === 0x0d && b === 0x0a);
}

/** Back off one unit when `i` would split a surrogate pair. */
export function surrogateSafe(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);
  return code >= 0xdc00 && code <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff ? i - 1 : i;
}

/**
 * How far to look for a plain boundary. Segmenting costs time in the length segmented, and text
 * made only of emoji has no plain boundary at all, so the look is short; beyond it the window
 * starts at a surrogate-pair edge and outside any run of regional indicators, whose pairing
 * (flags) depends on parity from the run's start. Only a ZWJ sequence or a stack of combining
 * marks longer than REACH code units can then be misjudged.
 */
const REACH = 64;

const isRegionalIndicatorAt = (text: string, i: number): boolean =>
  text.charCodeAt(i) === 0xd83c &&
  text.charCodeAt(i + 1) >= 0xdde6 &&
  text.charCodeAt(i + 1) <= 0xddff;

function windowStart(text: string, i: number): number {
  let from = i;
  while (from > 0 && i - from < REACH && !isPlainBoundary(text, from)) from--;
  if (isPlainBoundary(text, from)) return from;
  from = surrogateSafe(text, from);
  while (from >= 2 && isRegionalIndicatorAt(text, from - 2)) from -= 2;
  return from;
}

/** The grapheme cluster containing offset i (0 ≤ i < length), as [start, end). */
export function clusterAt(text: string, i: number): { start: number; end: number } {
  const from = windowStart(text, i);
  let reach = REACH;
  for (;;) {
    let to = Math.min(text.length, i + 1);
    while (to < text.length && to - i < reach && !isPlainBoundary(text, to)) to++;
    let found: { start: number; end: number } | undefined;
    for (const s of graphemeSegmenter.segment(text.slice(from, to))) {
      const start = from + s.index;
      const end = start + s.segment.length;
      if (end > i) {
        found = { start, end };
        break;
      }
    }
    // A cluster that reaches the window's end may go on: look further.
    if (!found) return { start: i, end: i + 1 };
    if (found.end < to || to >= text.length || isPlainBoundary(text, to)) return found;
    reach *= 4;
  }
}

export function isGraphemeBoundary(text: string, i: number): boolean {
  return isPlainBoundary(text, i) || clusterAt(text, i).start === i;
}

/** The nearest cluster boundary at or before i. */
export function snapBack(text: string, i: number): number {
  return isPlainBoundary(text, i) ? i : clusterAt(text, i).start;
}

/** The nearest cluster boundary at or after i. */
export function snapForward(text: string, i: number): number {
  if (isPlainBoundary(text, i)) return i;
  const c = clusterAt(text, i);
  return c.start === i ? i : c.end;
}
