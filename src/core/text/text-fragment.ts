/**
 * Links that open a source at the cited passage, with the browser highlighting it: URL text
 * fragments, https://wicg.github.io/scroll-to-text-fragment/ (supported by Chromium; other
 * browsers open the page without the highlight).
 */
import { segmentSpans, wordSegmenter, type SegmentSpan } from './segment';
import { sentenceSpans } from './sentences';

/** Passages with more words than this use a textStart,textEnd range instead of exact text. */
const MAX_EXACT_WORDS = 10;
/** Words at each end of a range: enough to be distinctive, few enough to survive page edits. */
const EDGE_WORDS = 4;
/** CJK words are one or two characters; extend an edge until it has at least this many. */
const MIN_EDGE_CHARS = 8;

function words(text: string): SegmentSpan[] {
  return [...segmentSpans(wordSegmenter, text)].filter((s) => s.isWordLike);
}

/** Percent-encoding per the spec: '-', ',' and '&' are syntax in a text directive. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * The passage's first sentence of at least EDGE_WORDS words (a heading line is skipped), with
 * whitespace collapsed. Sentences are found before collapsing, so a line break still ends one:
 * each term of a text directive must match within one block of the page, and a line of extracted
 * text is usually one block.
 */
function pickTarget(passage: string): string {
  const sentences = sentenceSpans(passage).map((s) => passage.slice(s.start, s.end));
  const target = sentences.find((s) => words(s).length >= EDGE_WORDS) ?? sentences[0] ?? '';
  // A lone surrogate would make encodeURIComponent throw.
  return target.replace(/\s+/g, ' ').replace(/\p{Cs}/gu, '\ufffd');
}

/**
 * url (without its fragment) + `#:~:text=…` pointing at the passage. Matches are word-bounded,
 * so edges are cut at Intl.Segmenter word boundaries (this matters for Chinese). A non-http(s)
 * url comes back unchanged.
 */
export function textFragmentUrl(url: string, passage: string): string {
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return url;
  const hash = trimmed.indexOf('#');
  const base = hash >= 0 ? trimmed.slice(0, hash) : trimmed;
  const target = pickTarget(passage);
  const ws = words(target);
  const firstWord = ws[0];
  const lastWord = ws[ws.length - 1];
  if (!firstWord || !lastWord) return base;
  if (ws.length <= MAX_EXACT_WORDS) {
    return `${base}#:~:text=${encode(target.slice(firstWord.start, lastWord.end))}`;
  }
  let head = EDGE_WORDS; // words in textStart
  let tail = EDGE_WORDS; // words in textEnd
  const headEnd = (): number => ws[head - 1]?.end ?? 0;
  const tailStart = (): number => ws[ws.length - tail]?.start ?? target.length;
  while (headEnd() - firstWord.start < MIN_EDGE_CHARS && head + tail < ws.length) head++;
  while (lastWord.end - tailStart() < MIN_EDGE_CHARS && head + tail < ws.length) tail++;
  const start = target.slice(firstWord.start, headEnd());
  const end = target.slice(tailStart(), lastWord.end);
  return `${base}#:~:text=${encode(start)},${encode(end)}`;
}
