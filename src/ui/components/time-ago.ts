/**
 * Dates in the words of the locale files: how long ago (`timeAgo`, shared with the service
 * worker's toolbar title, so it lives in src/shared) and the browser's locale for a language.
 */
export { timeAgo } from '../../shared/time-ago';
import type { TextLanguage } from '../../shared/i18n-in';

/**
 * The browser's own locale for dates in `language` (its first preferred language of that kind),
 * else a plain one: a date beside a Chinese answer is written the Chinese way.
 */
export function dateLocale(language: TextLanguage): string {
  const preferred = globalThis.navigator?.languages ?? [];
  return (
    preferred.find((tag) => tag.toLowerCase().startsWith(language)) ??
    (language === 'zh' ? 'zh-CN' : 'en')
  );
}
