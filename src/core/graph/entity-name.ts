/**
 * Names as pages write them, cleaned into names people would write: no markup, no "By ", no
 * e-mail or profile URL, no date glued to the end of a byline, several authors split into several
 * names. Page metadata is untrusted: every function caps its input and never throws.
 */
import { LIMITS } from './entity';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** `&amp;`, `&#233;`, `&#xE9;`: metadata often arrives escaped once more than it should. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : +body.slice(1);
      const ok = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return ok ? String.fromCodePoint(code) : ' ';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Control characters but the line feed; invisible formatting (bidi overrides, zero-width spaces). */
const CONTROL = /(?!\n)[\p{Cc}\u2028\u2029]/gu;
const FORMAT = /\p{Cf}/gu;

/**
 * Markup-free text of a metadata value, lines kept (a byline's second line is usually a date or
 * an affiliation). Tags go before and after decoding: "&lt;b&gt;" in JSON-LD is still markup; a
 * script's or style's text goes with its tags.
 */
export function plainText(raw: string): string {
  const capped = raw.slice(0, LIMITS.rawName);
  const noTags = (s: string): string =>
    s.replace(/<(script|style)\b[^<>]*>[^<]*<\/\1\s*>/gi, ' ').replace(/<[^<>]*>/g, ' ');
  return noTags(decodeEntities(noTags(capped)))
    .replace(CONTROL, ' ')
    .replace(FORMAT, '')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S*/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const HAS_LETTER = /\p{L}/u;

/** A cleaned single-line name, or null when nothing name-like is left (a bare URL, punctuation). */
export function cleanName(raw: string): string | null {
  const name = plainText(raw)
    .replace(/\s+/g, ' ')
    .replace(URL_LIKE, ' ')
    .replace(EMAIL, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:|/\-–—]+|[\s,;:|/\-–—]+$/g, '');
  if (!HAS_LETTER.test(name) || name.length > LIMITS.name) return null;
  return name;
}

/** "By", "Written by", "Par" (French), "Por" (Spanish, Portuguese), "作者：", "文／", "记者". */
const BY_PREFIX =
  /^(?:(?:(?:written|posted|story|reported|words|text|photos?)\s+by|by|par|por)(?:\s*[:：]\s*|\s+)|(?:作者|撰文|记者|記者)\s*[:：/／]?\s*|文\s*[:：/／]\s*)/i;
/** A byline that is a date label, not a name ("Last Updated: January 7, 2025"). */
const DATE_LABEL = /^(?:last\s+)?(?:updated|published|posted|modified|edited)\b/i;
/** Letters after a name, with their comma: "Brenda Goodman, MA". */
const LETTERS_AFTER = /^(?:ph\.?\s?d|m\.?d|m\.?a|m\.?sc?|mba|mph|rn|dds|esq)\.?$/i;
const GENERATION = /^(?:jr|sr|ii|iii|iv)\.?$/i;
const CJK_CHAR = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{sc=Hangul}]/u;
const MAX_AUTHOR_WORDS = 6;

const words = (s: string): number => s.split(' ').filter(Boolean).length;

/** "JOE HILDEBRAND" → "Joe Hildebrand": a shouting byline is a style, not the name. */
function unshout(name: string): string {
  // One shouting word is more likely an acronym ("NASA") or a user name ("CC7567"): kept.
  if (
    name !== name.toUpperCase() ||
    name === name.toLowerCase() ||
    words(name) < 2 ||
    /\d/.test(name)
  ) {
    return name;
  }
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** A part between commas that is a whole name by itself: two words, or two CJK characters. */
function isWholeName(part: string): boolean {
  return words(part) >= 2 || (CJK_CHAR.test(part) && part.length >= 2);
}

/** "Stella Kim, Jennifer Jett" is two names; "Doe, Jane" and "Kuhn, Jr." are one. */
function splitCommas(text: string): string[] {
  const parts = text
    .split(/\s*[,，、;；]\s*/)
    .filter((p) => p.length > 0 && !LETTERS_AFTER.test(p));
  const joined: string[] = [];
  for (const p of parts) {
    if (GENERATION.test(p) && joined.length > 0) joined[joined.length - 1] += `, ${p}`;
    else joined.push(p);
  }
  return joined.every(isWholeName) ? joined : [joined.join(', ')];
}

/**
 * The people (or organisations) named by an author-like value: a byline, `<meta name=author>`, a
 * JSON-LD author given as a string. `siteName` lets "Jane Doe - The Site" lose its suffix.
 */
export function authorNames(raw: string, siteName?: string | null): string[] {
  const firstLine = plainText(raw)
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!firstLine || DATE_LABEL.test(firstLine)) return [];
  let text = firstLine
    .replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ')
    .replace(URL_LIKE, ' ')
    .replace(EMAIL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(BY_PREFIX, '');
  // "Jane Doe | The Site", and "Jane Doe - The Site" when that is the site's name.
  text = text.split(/\s+[|｜]\s+/)[0] ?? '';
  const dash = /\s+[-–—]\s+/.exec(text);
  if (dash && siteName && isSiteName(text.slice(dash.index + dash[0].length), siteName)) {
    text = text.slice(0, dash.index);
  }
  // A date or a count glued to the name ("Lucas Nolan22 Dec 2016651"): names of two words or more
  // have no digits. A single word with digits is a user name ("CC7567") and stays whole.
  const digit = text.search(/\d/);
  if (digit > 1 && words(text.slice(0, digit)) >= 2) text = text.slice(0, digit);
  const names: string[] = [];
  for (const part of text.split(/\s+(?:and|&)\s+/i)) {
    for (const name of splitCommas(part.trim())) {
      const clean = cleanName(name.replace(BY_PREFIX, ''));
      if (clean && words(clean) <= MAX_AUTHOR_WORDS && !DATE_LABEL.test(clean)) {
        names.push(unshout(clean));
      }
      if (names.length >= LIMITS.listItems) return names;
    }
  }
  return names;
}

function isSiteName(text: string, siteName: string): boolean {
  const a = text.trim().toLowerCase();
  const b = siteName.trim().toLowerCase();
  return a.length > 0 && (a === b || a.startsWith(b) || b.startsWith(a));
}

/** A site's name without its tagline: "Mozilla Hacks – the Web developer blog" → "Mozilla Hacks". */
export function siteNameOf(raw: string): string | null {
  const name = cleanName(raw);
  if (!name) return null;
  const head = name.split(/\s+[|｜\-–—:]\s+/)[0] ?? name;
  return cleanName(head);
}

/** Comma-separated keywords ("Hotels, Hygiene, Business") as separate names, capped. */
export function keywordNames(raw: string): string[] {
  const out: string[] = [];
  for (const part of plainText(raw).split(/\s*[,，、;；|\n]\s*/)) {
    const name = cleanName(part);
    if (name && words(name) <= 6 && name.length <= 60) out.push(name);
    if (out.length >= LIMITS.listItems) break;
  }
  return out;
}
