import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource, uiLanguage } from '../../shared/i18n';
import { countMessage, formatCount } from './ui-locale';

afterEach(() => setMessageSource(tableSource(en)));

describe('the interface locale', () => {
  it('is the locale of the file the words come from', () => {
    expect(uiLanguage()).toBe('en');
    setMessageSource(tableSource(zhCN));
    expect(uiLanguage()).toBe('zh-CN');
  });

  it('falls back to the platform language when there are no locale files', () => {
    setMessageSource(() => '');
    expect(uiLanguage()).toBe('en');
  });

  it('counts with one or many, grouped as the locale groups digits', () => {
    expect(countMessage(1, 'settingsPagesOne', 'settingsPagesMany')).toBe('1 page');
    expect(countMessage(0, 'settingsPagesOne', 'settingsPagesMany')).toBe('0 pages');
    expect(countMessage(12_345, 'settingsPassagesOne', 'settingsPassagesMany')).toBe(
      '12,345 passages',
    );
    expect(formatCount(12_345, 'de')).toBe('12.345');
    setMessageSource(tableSource(zhCN));
    expect(countMessage(3, 'settingsPagesOne', 'settingsPagesMany')).toBe('3 个网页');
  });
});
