/**
 * The interface's locale, remembered for the pages that cannot ask the browser for it. Seen in
 * Chromium: an extension page (the popup, a tab of the settings) can get '' from `getMessage` for
 * every key, even `@@extension_id`, while the service worker of the same launch gets its words.
 * The service worker notes the locale the browser words Engram in, at each start; a page that
 * gets no words reads that note before its first word and words itself from the bundled table of
 * that locale (src/shared/i18n.ts), instead of guessing from `navigator.language`, which says
 * "en-US" in a Chinese-language Chromium on Linux.
 */
import { setFallbackLanguage } from './i18n';

const KEY = 'engramUiLocale';

/**
 * Service worker: remember the locale of the words the browser gives (no-op if it gives none).
 * It runs at every start of the worker, so it writes only when the locale changed.
 */
export async function rememberUiLocale(): Promise<void> {
  const tag = chrome.i18n.getMessage('localeTag');
  if (!tag) return;
  const stored = await chrome.storage.local.get<Record<string, unknown>>(KEY);
  if (stored[KEY] !== tag) await chrome.storage.local.set({ [KEY]: tag });
}

/** A page, before its first word: where the browser gives no words, use the remembered locale. */
export async function prepareWords(): Promise<void> {
  if (chrome.i18n.getMessage('@@extension_id')) return;
  try {
    const stored = await chrome.storage.local.get<Record<string, unknown>>(KEY);
    const tag = stored[KEY];
    if (typeof tag === 'string') setFallbackLanguage(tag);
  } catch (error) {
    console.warn('Engram: could not read the remembered interface language', error);
  }
}
