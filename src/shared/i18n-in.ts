/**
 * Words in a given language rather than the browser's: an answer to a Chinese question is labelled
 * in Chinese in an English browser, and the engine (an offscreen document, which has no
 * `chrome.i18n`) words its answers in the question's language. Both locale files are bundled into
 * the modules that import this one, so only answer paths do.
 */
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { detectLanguage } from '../core/text/language';
import { tableSource, type MessageKey, type MessageTable } from './i18n';

export type TextLanguage = 'en' | 'zh';

const TABLES: Record<TextLanguage, MessageTable> = { en, zh: zhCN };

/** The message for `key` in `language`, with `$1`… filled from `substitutions`. */
export function tIn(
  language: TextLanguage,
  key: MessageKey,
  ...substitutions: Array<string | number>
): string {
  return tableSource(TABLES[language])(key, substitutions.map(String)) || key;
}

/** The language to word a reply to `text` in: Chinese for a Chinese question, else English. */
export function languageOfText(text: string): TextLanguage {
  return detectLanguage(text) === 'zh' ? 'zh' : 'en';
}
