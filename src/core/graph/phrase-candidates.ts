/**
 * Candidate key phrases of a text: runs of content words between stop words and punctuation (the
 * noun-phrase-ish stretches of prose), and their n-grams of up to three words. Latin and other
 * spaced scripts are split by a regex like tokenize's; Chinese and Japanese by Intl.Segmenter (in
 * bounded windows, see segment.ts). Each word is folded as tokenize folds it, so a candidate's
 * words are the keyword index's terms and their document frequencies can be looked up.
 */
import { segmentSpans, wordSegmenter } from '../text/segment';
import { foldForSearch } from '../text/text';
import { PHRASE_STOP_WORDS } from './phrase-stop-words';

export interface Candidate {
  /** Folded words joined by a space (Latin) or nothing (CJK): the phrase's identity. */
  key: string;
  /** Folded words: terms of the keyword index. */
  terms: string[];
  /** The phrase as first written, and as first written capitalised, if ever. */
  surface: string;
  capitalised?: string;
  /** How many of its occurrences start with a capital letter. */
  upper: number;
  count: number;
  /** Offset of the first occurrence in the text. */
  first: number;
}

/** Longest phrase, in words. */
export const MAX_WORDS = 3;

/**
 * Words, CJK runs, and the punctuation that ends a phrase (sentence ends, commas, brackets,
 * quotes, a dash between spaces). A word joins its parts with . ' ’ : as tokenize does
 * ("mozilla.org", "don't"), and with hyphens ("Wi-Fi", split again for the index's terms).
 */
const PIECES =
  /([\p{scx=Han}\p{scx=Hira}\p{scx=Kana}]+)|([\p{L}\p{N}\p{M}\p{Pc}]+(?:[.'’:-][\p{L}\p{N}\p{M}\p{Pc}]+)*)|([.,;:!?()[\]{}"“”‘’'«»。，；：！？、（）【】「」『』《》…\n]|\s[-–—]\s)/gu;
const POSSESSIVE = /['’]s$/;
/** Hiragana alone is grammar (particles, endings: "ていない"), not a phrase. */
const KANA_ONLY = /^\p{sc=Hiragana}+$/u;
const HAS_LETTER = /\p{L}/u;

interface Word {
  folded: string;
  surface: string;
  start: number;
  end: number;
  cjk: boolean;
}

/** The index's terms of a word: "wi-fi" is "wi" and "fi" there (tokenize splits at hyphens). */
const termsOf = (w: Word): string[] =>
  w.folded.includes('-') ? w.folded.split('-').filter(Boolean) : [w.folded];

/** ASCII needs no NFKC: the common case skips a normalize call per word. */
const fold = (word: string): string =>
  /^[ -~]*$/.test(word) ? word.toLowerCase() : foldForSearch(word).replace(/’/g, "'");

/** Runs of content words, in order. */
function runs(text: string): Word[][] {
  const out: Word[][] = [];
  let run: Word[] = [];
  const end = (): void => {
    if (run.length > 0) out.push(run);
    run = [];
  };
  for (const m of text.matchAll(PIECES)) {
    const [, cjk, word] = m;
    if (cjk !== undefined) {
      // Segment the run: a CJK word of two characters or more continues a phrase, a single
      // character (mostly particles and measure words) or a stop word ends it.
      for (const seg of segmentSpans(wordSegmenter, cjk)) {
        const surface = cjk.slice(seg.start, seg.end);
        const folded = foldForSearch(surface);
        if (
          !seg.isWordLike ||
          surface.length < 2 ||
          KANA_ONLY.test(surface) ||
          PHRASE_STOP_WORDS.has(folded)
        )
          end();
        else {
          const start = m.index + seg.start;
          run.push({ folded, surface, start, end: start + surface.length, cjk: true });
        }
      }
    } else if (word !== undefined) {
      const folded = fold(word).replace(POSSESSIVE, '');
      if (
        folded.length < 2 ||
        folded.length > 40 ||
        !HAS_LETTER.test(folded) ||
        PHRASE_STOP_WORDS.has(folded)
      )
        end();
      else {
        const surface = word.replace(POSSESSIVE, '');
        run.push({ folded, surface, start: m.index, end: m.index + surface.length, cjk: false });
      }
    } else {
      end();
    }
  }
  end();
  return out;
}

interface TrieNode {
  candidate?: Candidate;
  next?: Map<string, TrieNode>;
}

const UPPER_START = /^\p{Lu}/u;

/** Whether run[i + n] repeats one of run[i .. i + n - 1]. */
function repeats(run: Word[], i: number, n: number): boolean {
  const folded = run[i + n]?.folded;
  for (let j = i; j < i + n; j++) if (run[j]?.folded === folded) return true;
  return false;
}

/**
 * Every candidate of the text with its counts, by key. The
 * n-grams are counted in a trie of folded words, so no string is built for an n-gram already
 * seen: this loop meets every word of every page MAX_WORDS times, and garbage was its main cost.
 */
export function phraseCandidates(text: string): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  const root = new Map<string, TrieNode>();
  for (const run of runs(text)) {
    for (let i = 0; i < run.length; i++) {
      const first = run[i];
      if (!first) continue;
      let level = root;
      for (let n = 0; n < MAX_WORDS && i + n < run.length; n++) {
        const w = run[i + n];
        // Latin and CJK words never join; a word never repeats within a phrase ("zebra zebra").
        if (!w || w.cjk !== first.cjk || (n > 0 && repeats(run, i, n))) break;
        let node = level.get(w.folded);
        if (!node) {
          node = {};
          level.set(w.folded, node);
        }
        const upper = UPPER_START.test(first.surface) ? 1 : 0;
        let c = node.candidate;
        if (!c) {
          const words = run.slice(i, i + n + 1);
          const sep = first.cjk ? '' : ' ';
          const surface = text.slice(first.start, w.end);
          c = {
            key: words.map((x) => x.folded).join(sep),
            terms: words.flatMap(termsOf),
            surface,
            upper: 0,
            count: 0,
            first: first.start,
          };
          node.candidate = c;
          found.set(c.key, c);
        }
        c.count++;
        c.upper += upper;
        if (upper && c.capitalised === undefined) c.capitalised = text.slice(first.start, w.end);
        level = node.next ??= new Map<string, TrieNode>();
      }
    }
  }
  return found;
}
