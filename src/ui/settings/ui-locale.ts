/**
 * The interface's locale as a BCP 47 tag ("en", "zh-CN") for `Intl`: numbers, sizes and language
 * names are formatted in the language the words around them are in, not the system's.
 *
 * The tag is a message of its own (`settingsLocaleTag`), so it always matches the file the words
 * come from: Chromium on Linux started with `--lang=zh-CN` words every message in Chinese while
 * both `getUILanguage()` and `@@ui_locale` still say en-US.
 */
import { t, uiLanguage, type MessageKey } from '../../shared/i18n';

export function uiLocale(): string {
  const tag = t('settingsLocaleTag');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? fallback();
  } catch {
    return fallback(); // No locale files (a test without messages): the key itself came back.
  }
}

const fallback = (): string => uiLanguage().replace(/_/g, '-');

const counts = new Map<string, Intl.NumberFormat>();

/** "1,234": a count, grouped as the interface's locale groups digits. */
export function formatCount(n: number, locale = uiLocale()): string {
  let format = counts.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    counts.set(locale, format);
  }
  return format.format(n);
}

/** The message for `n` things, one or many as English needs, with the count as `$1`. */
export function countMessage(
  n: number,
  one: MessageKey,
  many: MessageKey,
  ...rest: Array<string | number>
): string {
  return t(n === 1 ? one : many, formatCount(n), ...rest);
}
