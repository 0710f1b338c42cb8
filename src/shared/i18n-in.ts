/**
 * Words in a given language rather than the browser's: an answer to a Chinese question is labelled
 * in Chinese in an English browser, and the engine (an offscreen document, which has no
 * `chrome.i18n`) words its answers in the question's language. Both locale files are bundled into
 * every bundle (src/shared/locale-tables.ts).
 */
import { detectLanguage } from '../core/text/language';
import { tableSource, type MessageKey } from './i18n';
import { LOCALE_TABLES, type TextLanguage } from './locale-tables';

export type { TextLanguage };

/** The message for `key` in `language`, with `$1`… filled from `substitutions`. */
export function tIn(
  language: TextLanguage,
  key: MessageKey,
  ...substitutions: Array<string | number>
): string {
  return tableSource(LOCALE_TABLES[language])(key, substitutions.map(String)) || key;
}

/** The language to word a reply to `text` in: Chinese for a Chinese question, else English. */
export function languageOfText(text: string): TextLanguage {
  return detectLanguage(text) === 'zh' ? 'zh' : 'en';
}
