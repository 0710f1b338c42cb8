/**
 * A cheap guess at the language of a question or page, by script: enough to pick the answer
 * language and the wording of dates. Not a language identifier: French is "en" here (Latin).
 */
export type Language = 'zh' | 'ja' | 'ko' | 'en' | 'other';

/** Long pages are judged by their start; the guess does not improve with more text. */
const SAMPLE_CHARS = 4_000;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/**
 * Han characters count one each, like whole words of other scripts, so "Rust async 是什么？"
 * (two Latin words, three Han characters) reads as Chinese. Kana marks Japanese even among
 * kanji, but only when it is more than a stray character (Chinese titles borrow "の").
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, SAMPLE_CHARS);
  const han = count(sample, /\p{sc=Han}/gu);
  const kana = count(sample, /[\p{sc=Hiragana}\p{sc=Katakana}]/gu);
  const hangul = count(sample, /\p{sc=Hangul}/gu);
  const latinWords = count(sample, /\p{sc=Latin}+/gu);
  const otherWords = count(
    sample,
    /(?:(?![\p{sc=Latin}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])\p{L})+/gu,
  );
  const cjk = han + kana + hangul;
  if (cjk === 0 && latinWords === 0 && otherWords === 0) return 'other';
  if (cjk >= latinWords && cjk >= otherWords) {
    if (hangul >= han + kana) return 'ko';
    return kana * 5 >= han + kana ? 'ja' : 'zh';
  }
  return latinWords >= otherWords ? 'en' : 'other';
}
