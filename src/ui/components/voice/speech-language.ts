/**
 * The language speech is transcribed in (issue 15). transformers.js's Whisper does not detect
 * the language (without one it transcribes as English), and the interface's language is a poor
 * guess: a Chinese speaker with an English browser was transcribed as English. The user's own
 * words say more: the text in the question box, else the last question they asked here; the
 * interface's language only when neither holds any words.
 */
import { detectLanguage } from '../../../core/text/language';

export type SpeechLanguage = 'en' | 'zh';

/** The first of `texts` (most telling first) with words in English or Chinese decides. */
export function speechLanguage(
  texts: ReadonlyArray<string | undefined>,
  interfaceLanguage: string,
): SpeechLanguage {
  for (const text of texts) {
    const language = text ? detectLanguage(text) : 'other';
    if (language === 'zh' || language === 'en') return language;
  }
  return interfaceLanguage.startsWith('zh') ? 'zh' : 'en';
}
