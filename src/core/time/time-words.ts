/**
 * Counts as people write them in time expressions: "3", "three", "a" (week ago); "3", "３",
 * "三", "两", "十二", "二十三".
 */
const EN_WORDS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');

/** A regex source for an English count (use with the i flag). */
export const EN_NUMBER = `\\d{1,3}|an?|${EN_WORDS.join('|')}`;

export function englishNumber(word: string): number {
  const w = word.toLowerCase();
  if (w === 'a' || w === 'an') return 1;
  const i = EN_WORDS.indexOf(w);
  return i >= 0 ? i + 1 : Number.parseInt(w, 10);
}

/** A regex source for a Chinese count: ASCII or full-width digits, or numerals up to 99. */
export const ZH_NUMBER = '[0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3}';

const DIGITS = '零一二三四五六七八九';

/** "十二" → 12, "二十三" → 23, "两" → 2, "３" → 3; NaN when it is not a number. */
export function chineseNumber(text: string): number {
  const ascii = text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const digit = (c: string | undefined): number => (c === '两' ? 2 : c ? DIGITS.indexOf(c) : -1);
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? digit(text) : Number.NaN;
  const tens = ten === 0 ? 1 : digit(text[ten - 1]);
  const ones = ten === text.length - 1 ? 0 : digit(text[ten + 1]);
  return ten > 1 || text.length > ten + 2 || tens < 1 || ones < 0 ? Number.NaN : tens * 10 + ones;
}
