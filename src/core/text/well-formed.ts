/**
 * Lone surrogates out of page text. A page can hold half of a surrogate pair (`&#xD800;` parses
 * to U+FFFD, but script-made text and cut attributes do not); TextEncoder turns it into U+FFFD,
 * so a hash over the encoded text would not match the stored string, and some JSON tools reject
 * it. `String.prototype.toWellFormed` does this, but it is ES2024, past our lib setting.
 */

/** With the `u` flag, `\p{Cs}` matches only a surrogate that is not half of a pair. */
const LONE_SURROGATE = /\p{Cs}/gu;

/** `text` with each lone surrogate replaced by U+FFFD; the same string when it has none. */
export function toWellFormed(text: string): string {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}
