/**
 * The two locale files as bundled tables: for words in a given language (src/shared/i18n-in.ts),
 * and as the fallback when the browser's `getMessage` answers '' for a message that exists (seen
 * in Chromium under heavy load: a page's whole line of words came back as their keys). The build
 * keeps only the messages and placeholders (vite.config.ts drops descriptions and examples).
 */
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import type { MessageTable } from './i18n';

export type TextLanguage = 'en' | 'zh';

export const LOCALE_TABLES: Record<TextLanguage, MessageTable> = { en, zh: zhCN };
