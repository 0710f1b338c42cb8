/**
 * Card numbers and IBANs in text, confirmed by their check digits (./checksums.ts).
 *
 * Every regular expression here is linear on any input: a candidate may only start where the
 * look-behind allows (not inside a longer word or number), each repetition consumes a fixed
 * shape, and the grouping is checked in code rather than by backtracking.
 */
import { ibanValid, luhnValid } from './checksums';
import type { SecretSpan } from './redact';

/** Digits in groups split by single spaces or dashes, not glued to a word or a decimal number. */
const DIGIT_RUN = /(?<![\w.,])\d+(?:[ -]\d+)*/g;
/** After a run: a letter, or a decimal part, means the last group belongs to something else. */
const GLUED_AFTER = /^(?:\w|[.,]\d)/;

interface Group {
  start: number;
  end: number;
  sep: string;
}

function groupsOf(text: string, start: number, run: string): Group[] {
  const groups: Group[] = [];
  let offset = 0;
  for (const part of run.split(/([ -])/)) {
    if (part === ' ' || part === '-') {
      const last = groups[groups.length - 1];
      if (last) last.sep = part;
    } else {
      groups.push({ start: start + offset, end: start + offset + part.length, sep: '' });
    }
    offset += part.length;
  }
  return groups;
}

/**
 * 13 to 19 digits that pass Luhn and start with 2–6 (the issuers of payment cards: 1 is airlines,
 * and 13-digit millisecond timestamps start with 1). A run of one repeated digit is a placeholder.
 */
function isCardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  if (!'23456'.includes(digits.charAt(0)) || /^(\d)\1*$/.test(digits)) return false;
  return luhnValid(digits);
}

const size = (g: Group): number => g.end - g.start;

/**
 * The last group of the card number that starts at group `i`, or -1. Cards are printed as one
 * unbroken run, in groups of four (the last one shorter), or as the 4-6-5 and 4-6-4 of American
 * Express and Diners, with one kind of separator. The longest valid reading wins (a 19-digit
 * card over its first 16 digits). Bounded: a card has at most 19 digits.
 */
function cardAt(text: string, groups: readonly Group[], i: number, usable: number): number {
  const first = groups[i] as Group;
  let digits = text.slice(first.start, first.end);
  let found = isCardNumber(digits) ? i : -1;
  if (digits.length !== 4) return found;
  let fours = true;
  for (let j = i + 1; j < usable; j++) {
    const group = groups[j] as Group;
    if ((groups[j - 1] as Group).sep !== first.sep) break;
    digits += text.slice(group.start, group.end);
    if (digits.length > 19) break;
    const amex = j === i + 2 && size(groups[i + 1] as Group) === 6 && size(group) >= 4;
    if (((fours && size(group) <= 4) || amex) && isCardNumber(digits)) found = j;
    // Only groups of four (or the six of 4-6-5, second) can be followed by more of the number.
    if (size(group) === 6 && j === i + 1) fours = false;
    else if (size(group) !== 4) break;
  }
  return found;
}

/** Card numbers, tried at each group start of a digit run (a run may hold a card and an expiry). */
export function findCardNumbers(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const groups = groupsOf(text, match.index, match[0]);
    const end = match.index + match[0].length;
    // The last group is not a whole number when a word or decimals continue it.
    const usable = GLUED_AFTER.test(text.slice(end, end + 2)) ? groups.length - 1 : groups.length;
    for (let i = 0; i < usable; i++) {
      const last = cardAt(text, groups, i, usable);
      if (last < 0) continue;
      spans.push({
        start: (groups[i] as Group).start,
        end: (groups[last] as Group).end,
        kind: 'card',
      });
      i = last;
    }
  }
  return spans;
}

/**
 * An IBAN as written: country, check digits, then the rest unbroken or in groups of four (the
 * last shorter). Upper case only: a lower-case run is far more likely to be something else.
 */
const IBAN_CANDIDATE =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;

/** IBANs that pass the mod-97 check; a trailing group that is another word is dropped and retried. */
export function findIbans(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    let candidate = match[0];
    // "DE89 3704 0044 0532 0130 00 BICX…" cannot happen (the last group is short), but a
    // following four-letter word in capitals can look like one more group: try without it.
    for (let tries = 0; tries < 8 && candidate.length >= 15; tries++) {
      if (ibanValid(candidate.replace(/ /g, ''))) {
        spans.push({ start: match.index, end: match.index + candidate.length, kind: 'iban' });
        break;
      }
      const cut = candidate.lastIndexOf(' ');
      if (cut < 0) break;
      candidate = candidate.slice(0, cut);
    }
  }
  return spans;
}
