/**
 * Words for keyword search. The same function splits documents and queries, so what matters is
 * consistency, and speed: every chunk of every page goes through it.
 */
import { segmentSpans, wordSegmenter } from './segment';
import { STOP_WORDS } from './stop-words';
import { foldForSearch } from './text';

export { estimateTokens, tokenTenths } from './token-estimate';

/** Longer "words" are base64, hashes or minified code: noise in the index. */
export const MAX_TOKEN_LENGTH = 64;

/**
 * Runs of scripts written without spaces, which need ICU's dictionary to find words. Script
 * extensions (scx) bring in the marks shared by Chinese and Japanese (ー, 々, 。).
 */
const DICTIONARY_RUN =
  /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]+/gu;

/**
 * A word in the other scripts: letters, digits, marks and connectors ("snake_case"), joined by a
 * single . ' ’ or : as UAX #29 joins "3.14", "don't" and "example.com". A regex is ~2× faster
 * than Intl.Segmenter here, and the rules need not match ICU's exactly, only be applied alike.
 */
const SPACED_WORD = /[\p{L}\p{N}\p{M}\p{Pc}]+(?:[.'’:][\p{L}\p{N}\p{M}\p{Pc}]+)*/gu;

/** English possessive, so "rust's" matches "rust". */
const POSSESSIVE = /['’]s$/;

function keep(word: string, tokens: string[]): void {
  const token = word.replace(POSSESSIVE, '');
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH || STOP_WORDS.has(token)) return;
  tokens.push(token);
}

function spacedWords(text: string, tokens: string[]): void {
  for (const [word] of text.matchAll(SPACED_WORD)) keep(word, tokens);
}

function dictionaryWords(text: string, tokens: string[]): void {
  for (const seg of segmentSpans(wordSegmenter, text)) {
    if (seg.isWordLike) keep(text.slice(seg.start, seg.end), tokens);
  }
}

/**
 * Folded words of text, in order, without stop words (see stop-words.ts) and over-long tokens.
 * Chinese and Japanese go through Intl.Segmenter ("量子计算" → "量子", "计算"); text is folded
 * first, so full-width "ＲＵＳＴ" is read and indexed as "rust".
 */
export function tokenize(text: string): string[] {
  const folded = foldForSearch(text);
  const tokens: string[] = [];
  let last = 0;
  for (const run of folded.matchAll(DICTIONARY_RUN)) {
    spacedWords(folded.slice(last, run.index), tokens);
    dictionaryWords(run[0], tokens);
    last = run.index + run[0].length;
  }
  spacedWords(folded.slice(last), tokens);
  return tokens;
}
