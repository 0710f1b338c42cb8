/**
 * Test-only fast-check generators of hostile text: astral characters, emoji ZWJ sequences, flags,
 * combining marks, Hangul jamo, Indic conjuncts, prepended marks, every kind of whitespace, mixed
 * Chinese and English. Imported by *.test.ts only.
 */
import fc from 'fast-check';

// prettier-ignore
const PIECES = [
  'a', 'Z', '7', 'word', 'supercalifragilistic', '.', '!', '?', ',', '"', '-',
  ' ', '  ', '\n', '\n\n', '\t', '\r\n', '\r', '\u00a0', '\u3000', '\u2028',
  '我', '量子', '计算', '。', '！', '？', '，', '𠀀', '𝒜',
  '\u0301', 'e\u0301', ' \u0301', '\u200d', '\ufe0f',
  '😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '❤️', '🇯🇵', '🇺🇸', '🇯',
  '\u0600', '\u1100', '\u1161', '\u11a8', '한', 'क्ष', '\u094d',
];

/** Well-formed UTF-16 (no lone surrogates) built from PIECES. */
export const hostileText = (maxPieces = 120): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...PIECES), { maxLength: maxPieces, size: 'max' })
    .map((parts) => parts.join(''));

/** Every grapheme-cluster boundary of text, by segmenting all of it (fine for short strings). */
export function graphemeBoundaries(text: string): Set<number> {
  const set = new Set<number>([text.length]);
  for (const s of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    set.add(s.index);
  }
  return set;
}

/** No lone surrogate (String.prototype.isWellFormed is ES2024, past our lib setting). */
export const isWellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);
