/**
 * Text normalisation shared by storage, hashing and search. Pure functions: no browser API.
 */

/** Horizontal whitespace: every `\s` except the line feed (CR and U+2028/9 are gone by then). */
const HORIZONTAL_SPACE = /[^\S\n]+/g;

/**
 * The canonical form of captured text, used for storage and for content hashes (so the same page
 * text always gets the same key). Idempotent: normalizeText(normalizeText(x)) === normalizeText(x).
 *
 * NFC first, so that the whitespace edits below work on composed text; they never create a new
 * composition (a combining mark can only move next to a line feed or the string start).
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(HORIZONTAL_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The form compared by search: NFKC folds full-width Latin and digits ("ＲＵＳＴ" → "RUST"),
 * ligatures and compatibility characters; lower-casing is locale-independent on purpose (the
 * index must not depend on the user's locale).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * At most `maxLength` UTF-16 code units of `text`, cut one unit earlier when the cut would split a
 * surrogate pair (a lone surrogate becomes U+FFFD in TextEncoder and breaks JSON round trips).
 */
export function truncateSafely(text: string, maxLength: number): string {
  const limit = Math.max(0, Math.floor(maxLength));
  if (text.length <= limit) return text;
  const end = limit > 0 && isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}
