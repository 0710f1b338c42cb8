/**
 * A page that gets no words from the browser words itself in the locale the service worker noted,
 * not in the English its `navigator.language` claims.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { setFallbackLanguage, setMessageSource, t, tableSource, uiLanguage } from './i18n';
import { prepareWords, rememberUiLocale } from './locale-memo';

function fakeChrome(words: Record<string, string>) {
  const stored: Record<string, unknown> = {};
  vi.stubGlobal('chrome', {
    i18n: { getMessage: (key: string) => words[key] ?? '', getUILanguage: () => 'en-US' },
    storage: {
      local: {
        get: (key: string) => Promise.resolve({ [key]: stored[key] }),
        set: (items: Record<string, unknown>) => Promise.resolve(Object.assign(stored, items)),
      },
    },
  });
  return stored;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setFallbackLanguage('');
  setMessageSource(tableSource(en));
});

describe('the remembered interface locale', () => {
  it('the service worker notes the locale the browser words Engram in', async () => {
    const stored = fakeChrome({ localeTag: 'zh-CN' });
    await rememberUiLocale();
    expect(Object.values(stored)).toEqual(['zh-CN']);
  });

  it('a page the browser gives no words words itself in that locale', async () => {
    setMessageSource(undefined);
    fakeChrome({ localeTag: 'zh-CN' });
    await rememberUiLocale();
    (chrome.i18n as { getMessage: (key: string) => string }).getMessage = () => '';
    await prepareWords();
    expect(t('menuSavePage')).toBe('将网页存入记忆');
    expect(uiLanguage()).toBe('zh-CN');
  });

  it('a page that gets its words reads nothing more', async () => {
    setMessageSource(undefined);
    fakeChrome({ '@@extension_id': 'abc', menuSavePage: 'browser words' });
    await prepareWords();
    expect(t('menuSavePage')).toBe('browser words');
  });
});
