/**
 * Every word the user reads comes from the extension's locale files (`public/_locales/<locale>/
 * messages.json`: English and Simplified Chinese), through the browser's own `i18n.getMessage`, so
 * the interface follows the browser's language with no code of ours choosing it. Keys are checked
 * at compile time against the English file, and `tests/i18n.test.ts` checks that both files have
 * the same keys and placeholders and that no interface text is written in the code.
 *
 * Messages use the platform's named placeholders ("Saved $TITLE$", with `placeholders.title.content
 * = "$1"`); `formatMessage` implements the same rules for Node, where unit tests read the English
 * file through `setMessageSource`.
 */
import type enMessages from '../../public/_locales/en/messages.json';
import { LOCALE_TABLES } from './locale-tables';

export type MessageKey = keyof typeof enMessages;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type MessageTable = Record<string, MessageEntry>;

type Substitution = string | number;

/** A message looked up by key with its substitutions; '' for an unknown key, as the platform. */
export type MessageSource = (key: string, substitutions?: string[]) => string;

let source: MessageSource | undefined;

/** Where messages come from outside a browser (unit tests); production never calls it. */
export function setMessageSource(next: MessageSource | undefined): void {
  source = next;
}

function platformSource(): MessageSource | undefined {
  const i18n = (globalThis as { chrome?: { i18n?: { getMessage?: MessageSource } } }).chrome?.i18n;
  return i18n?.getMessage ? (key, subs) => i18n.getMessage!(key, subs) : undefined;
}

/** The message for `key` in the browser's language, with `$1`… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const subs = substitutions.map(String);
  if (source) return source(key, subs.length > 0 ? subs : undefined) || key;
  const platform = platformSource();
  const text = platform?.(key, subs.length > 0 ? subs : undefined);
  return text || tableSource(fallbackTable(platform))(key, subs) || key;
}

let warned = false;
let fallbackTag: string | undefined;

/** The locale to word the bundled fallback in (src/shared/locale-memo.ts), e.g. "zh-CN". */
export function setFallbackLanguage(tag: string): void {
  fallbackTag = tag;
}

/**
 * The bundled table to word a message with when the browser gave nothing: the locale the browser
 * would have chosen, as far as it can still be told (its own tag message, else its UI language).
 */
function fallbackTable(platform: MessageSource | undefined): MessageTable {
  if (platform && !warned) {
    warned = true;
    console.warn('Engram: the browser returned no message for a key; using the bundled words.');
  }
  const i18n = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome
    ?.i18n;
  const hint =
    platform?.('localeTag') ||
    fallbackTag ||
    i18n?.getUILanguage?.() ||
    globalThis.navigator?.language ||
    'en';
  return /^zh/i.test(hint) ? LOCALE_TABLES.zh : LOCALE_TABLES.en;
}

/**
 * The interface's locale as a BCP 47 tag ("en", "zh-CN"), for `Intl` and for choosing words by
 * language. It is a message of its own (`localeTag`), so it always matches the file the words come
 * from: Chromium on Linux started with `--lang=zh-CN` words every message in Chinese while both
 * `getUILanguage()` and `@@ui_locale` still say en-US.
 */
export function uiLanguage(): string {
  const lookup = source ?? platformSource();
  const tag = lookup?.('localeTag') || (source ? '' : (fallbackTag ?? ''));
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en'; // no locale files (a test without messages)
  }
}

/** True when the interface is in Chinese. */
export function uiIsChinese(): boolean {
  return /^zh(?:-|$)/i.test(uiLanguage());
}

/**
 * A message from a table, filled as the platform fills it: `$NAME$` becomes its placeholder's
 * content, in which `$1`…`$9` are the substitutions, and `$$` is a dollar sign.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[] = []): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [
      name.toLowerCase(),
      value.content,
    ]),
  );
  const fill = (text: string): string =>
    text.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (whole, name: string | undefined) => {
    if (name === undefined) return '$';
    const content = placeholders.get(name.toLowerCase());
    return content === undefined ? whole : fill(content);
  });
}

/** A `MessageSource` over one locale's table (unit tests, and answers worded in another language). */
export function tableSource(table: MessageTable): MessageSource {
  return (key, subs) => {
    const entry = table[key];
    return entry ? formatMessage(entry, subs ?? []) : '';
  };
}
