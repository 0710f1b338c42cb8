/**
 * A text folded the way entityKey folds a name, character by character, with each folded
 * character's offset in the original: so the matcher can look for keys in the folded text and
 * report where they are in the page. Lower case, Latin accents off, NFKC, "." and "'" deleted,
 * every other run of non-letters one space, "&" as "and", no space between two CJK characters.
 */
import { foldLatin } from './entity-key';

export interface FoldedText {
  text: string;
  /** origin[i]: offset in the original of folded character i; origin[text.length] = its length. */
  origin: Uint32Array;
}

const JOINER = /^[.'’‘`´·•・‧]$/;
const WORD_CHAR = /^[\p{L}\p{N}]/u;
const CJK = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{sc=Hangul}]/u;

interface Folded {
  /** '' deleted, ' ' a separator, else the folded letters. */
  text: string;
  cjk: boolean;
}

/** Folds of the non-ASCII characters seen so far, by code point (pages use few distinct ones). */
const cache = new Map<number, Folded>();
function foldChar(cp: number): Folded {
  let f = cache.get(cp);
  if (f !== undefined) return f;
  const c = String.fromCodePoint(cp);
  let text: string;
  if (JOINER.test(c) || /^\p{M}+$/u.test(c)) text = '';
  else {
    const plain = foldLatin(c.normalize('NFKC').toLowerCase());
    text = WORD_CHAR.test(plain) ? plain.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ') : ' ';
  }
  f = { text, cjk: CJK.test(text) };
  if (cache.size < 20_000) cache.set(cp, f);
  return f;
}

export const isCjk = (c: string): boolean => CJK.test(c);

/** The string of UTF-16 code units, in slices small enough for an argument list. */
function fromUnits(units: Uint16Array): string {
  let out = '';
  for (let i = 0; i < units.length; i += 8_192) {
    out += String.fromCharCode(...units.subarray(i, i + 8_192));
  }
  return out;
}

/**
 * Written into typed arrays, not strings and arrays of numbers: this runs over every page's text
 * and the garbage of a string per character cost more than the matching itself.
 */
export function foldForMatch(input: string): FoldedText {
  let units = new Uint16Array(input.length + 16);
  let origin = new Uint32Array(input.length + 17);
  let n = 0;
  let pendingSpace = false;
  let lastCjk = false;
  const push = (unit: number, at: number): void => {
    if (n >= units.length) {
      const u = new Uint16Array(units.length * 2);
      u.set(units);
      units = u;
      const o = new Uint32Array(units.length + 1);
      o.set(origin);
      origin = o;
    }
    units[n] = unit;
    origin[n] = at;
    n++;
  };
  const letter = (unit: number, at: number, cjk: boolean): void => {
    if (pendingSpace && !(cjk && lastCjk)) push(32, at);
    pendingSpace = false;
    lastCjk = cjk;
    push(unit, at);
  };
  const space = (): void => {
    if (n > 0) pendingSpace = true;
  };
  for (let i = 0; i < input.length;) {
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) letter(code, i, false);
      else if (code >= 65 && code <= 90) letter(code + 32, i, false);
      else if (code === 38) {
        space();
        for (const u of [97, 110, 100]) letter(u, i, false);
        space();
      } else if (code !== 46 && code !== 39 && code !== 96) space();
      i++;
      continue;
    }
    const cp = input.codePointAt(i) ?? code;
    const f = foldChar(cp);
    for (let k = 0; k < f.text.length; k++) {
      const unit = f.text.charCodeAt(k);
      if (unit === 32) space();
      else letter(unit, i, f.cjk);
    }
    i += cp > 0xffff ? 2 : 1;
  }
  origin[n] = input.length;
  return {
    text: fromUnits(units.subarray(0, n)),
    origin: origin.subarray(0, n + 1),
  };
}
