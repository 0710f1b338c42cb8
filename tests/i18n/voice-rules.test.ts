/**
 * docs/VOICE.md's rules that can be checked on the words themselves, for every message in both
 * locales: no exclamation marks, no "Error:" label, no "Oops" or flattery, and a line that fills
 * "Couldn’t answer: …" reads as a sentence of its own (a capital in English).
 */
import { describe, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

interface Entry {
  message: string;
  description?: string;
}
const locales: Record<string, Record<string, Entry>> = { en, zh_CN: zhCN };

/** What the words must never hold, and why (docs/VOICE.md, "How Engram speaks"). */
const NEVER: ReadonlyArray<[string, RegExp]> = [
  ['an exclamation mark (calm, not cheerful)', /[!！]/u],
  ['an "Error:" label (say what happened)', /(^|[\s(（])(error|错误)\s*[:：]/iu],
  ['"Oops" (no blame, no fuss)', /\b(oops|whoops|uh-oh)\b|哎呀|糟糕|哎哟/iu],
  ['flattery', /\bgreat question\b|好问题|问得好/iu],
  ['an apology in place of what happened', /^(sorry|we're sorry|抱歉|对不起)/iu],
];

describe.each(Object.entries(locales))('every message in %s', (_locale, table) => {
  test.each(NEVER)('holds no %s', (_rule, pattern) => {
    const breaking = Object.entries(table)
      .filter(([, entry]) => pattern.test(entry.message))
      .map(([key, entry]) => `${key}: ${entry.message}`);
    expect(breaking).toEqual([]);
  });
});

test('a line that fills "Couldn’t answer: …" starts with a capital in English', () => {
  const fills = Object.entries(en as Record<string, Entry>).filter(([, entry]) =>
    entry.description?.includes('Fills “Couldn’t answer'),
  );
  expect(fills.length).toBeGreaterThan(2);
  expect(fills.filter(([, entry]) => !/^\p{Lu}/u.test(entry.message)).map(([key]) => key)).toEqual(
    [],
  );
});
