/**
 * One entity per real thing: the normalised key that decides when two names are the same entity,
 * and the stable id derived from it. The key is the same whatever the entity's kind, because the
 * same thing arrives with different kinds ("Organization for Transformative Works" is a plain
 * byline on one page and a JSON-LD Organization on another); the kind is an attribute of the entity.
 *
 * Conservative on purpose: a wrong merge mixes two people's pages and is hard to notice, a missed
 * merge shows as two entries the user can merge. So the key folds only differences of spelling:
 * case, Unicode compatibility forms (NFKC: full-width letters), accents on Latin letters, spacing,
 * punctuation inside names, and titles. It does NOT drop middle names or initials ("Jane Q. Doe"
 * and "Jane Doe" stay two keys): two people often share a first and last name. The one place where
 * they are joined is within a single page, where the byline and the JSON-LD name the same author
 * (see page-entities.ts).
 */

/** Letters that do not decompose under NFD but that people write without their stroke. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const LATIN_SPECIAL_RE = /[ßøæœłđðþı]/g;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;

/** Latin letters without their accents and strokes ("Łódź" → "lodz" once lower-cased). */
export function foldLatin(lower: string): string {
  return lower
    .replace(LATIN_SPECIAL_RE, (c) => LATIN_SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .normalize('NFC');
}

/** Deleted inside a name: "J.R.R.", "O'Brien", "唐纳德·特朗普" (middle dots of transliterations). */
const JOINERS = /[.'’‘`´·•・‧]/g;
/** Anything else that is not a letter, digit or mark separates words. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;
const CJK = '\\p{scx=Han}\\p{scx=Hira}\\p{scx=Kana}\\p{sc=Hangul}';
/** Spaces between two CJK characters carry no meaning ("崔 宁宁" is "崔宁宁"). */
const CJK_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

/**
 * Titles before a name; dropped only when at least two words remain ("Dr. Chen" stays whole, as
 * does "Mr. Robot"). Letters after a name ("Brenda Goodman, MA") are cut by cleanName, where the
 * comma still shows them: here "ma" could be a surname ("Jack Ma").
 */
const TITLE_BEFORE =
  /^(?:dr|doctor|prof|professor|mr|mrs|ms|mx|miss|sir|dame|rev|revd|hon|herr|frau|mme|mlle)\s+/;
/** Chinese titles after a name, dropped only when two characters remain ("陈博士" stays whole). */
const CJK_TITLE_AFTER =
  /(?<=[\p{scx=Han}]{2})(?:博士|教授|先生|女士|小姐|老师|医生|院士|主任|总裁)$/u;

function stripTitles(key: string): string {
  let out = key;
  for (;;) {
    const next = out.replace(TITLE_BEFORE, '');
    if (next === out || !next.includes(' ')) break;
    out = next;
  }
  return out.replace(CJK_TITLE_AFTER, '');
}

/**
 * The comparison form of a name: equal keys are one entity. Idempotent. Empty when the name has
 * no letter or digit (callers drop such names).
 */
export function entityKey(name: string): string {
  const folded = foldLatin(name.normalize('NFKC').toLowerCase())
    .replace(/&/g, ' and ')
    .replace(JOINERS, '')
    .replace(SEPARATORS, ' ')
    .replace(CJK_SPACE, '')
    .trim();
  return stripTitles(folded);
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function mix(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A stable id for a key: 'ent_' and 64 bits (two FNV-1a passes with different bases, mixed).
 * Synchronous, unlike sha256Hex, because the matcher and the ingest transaction need it inline; at a
 * million entities the chance of any collision is about 3 in 100 million.
 */
export function entityId(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (x: number): string => mix(x).toString(16).padStart(8, '0');
  return `ent_${hex(a)}${hex(b ^ a)}`;
}
