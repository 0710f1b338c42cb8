/**
 * Numbers and counts in the interface's locale: formatted in the language the words around them
 * are in, not the system's.
 */
import { t, uiLanguage, type MessageKey } from '../../shared/i18n';

const counts = new Map<string, Intl.NumberFormat>();

/** "1,234": a count, grouped as the interface's locale groups digits. */
export function formatCount(n: number, locale = uiLanguage()): string {
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
