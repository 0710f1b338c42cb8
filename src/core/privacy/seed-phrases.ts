/**
 * Crypto wallet recovery phrases (BIP-39): 12 to 24 words, all from the standard list of 2,048
 * (English from @scure/bip39, MIT), written in a row, one per line, or numbered ("1. abandon
 * 2. ability …"). Whoever has the phrase has the wallet, so the whole run goes.
 *
 * Prose rarely strings 12 list words together (the list avoids most short function words: no
 * "the", "of", "and", "to"), so no checksum is asked for: people also type phrases by hand,
 * with a slip in the last word. One linear scan over words.
 */
import { wordlist } from '@scure/bip39/wordlists/english.js';
import type { SecretSpan } from './redact';

const WORDS: ReadonlySet<string> = new Set(wordlist);
/** The shortest phrase BIP-39 defines. */
const MIN_WORDS = 12;
const MAX_WORDS = 24;
/**
 * A run of lower-case words of 3 to 8 letters (the lengths in the list), separated by spaces,
 * line breaks, commas or "7." / "7)" numbering: found by the regex engine, which is far quicker
 * than a loop over every word of a page; only runs long enough to hold 12 words are then checked
 * word by word. The pattern takes each run whole, from its first word: asking for 12 words in the
 * pattern (`{11,}`) would make the engine read a run of prose again from each of its words.
 */
const NUMBERING = String.raw`(?:\d{1,2}[.):]?\s*)?`;
const RUN = new RegExp(
  String.raw`(?<![A-Za-z])${NUMBERING}[a-z]{3,8}(?:[\s,;·|]+${NUMBERING}[a-z]{3,8})*(?![A-Za-z])`,
  'g',
);
/** 12 words of 3 letters and the single spaces between them. */
const MIN_RUN_LENGTH = MIN_WORDS * 4 - 1;

export function findSeedPhrases(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const run of text.matchAll(RUN)) {
    if (run[0].length < MIN_RUN_LENGTH) continue;
    let start = -1;
    let end = -1;
    let count = 0;
    const close = (): void => {
      if (count >= MIN_WORDS) spans.push({ start, end, kind: 'secret' });
      start = -1;
      count = 0;
    };
    for (const word of run[0].matchAll(/[a-z]+/g)) {
      if (!WORDS.has(word[0])) {
        close();
        continue;
      }
      if (start < 0) start = run.index + word.index;
      end = run.index + word.index + word[0].length;
      count++;
      if (count === MAX_WORDS) close();
    }
    close();
  }
  return spans;
}
