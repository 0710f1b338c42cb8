import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { dayLabel, savedDateTime, savedTime } from './library-words';

// 14:05 UTC: "2:05 PM" in English and "14:05" in Chinese wherever the test machine is.
const AT = Date.UTC(2026, 2, 14, 14, 5);

afterEach(() => setMessageSource(tableSource(en)));

describe('library dates', () => {
  it('are worded in the interface language, also when it changes after the first row', () => {
    setMessageSource(tableSource(en));
    const english = savedTime(AT);
    expect(english).toBe(new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(AT));
    setMessageSource(tableSource(zhCN));
    // The format is made once per language: a cached English one would say "PM" here.
    expect(savedTime(AT)).toBe(new Intl.DateTimeFormat('zh-CN', { timeStyle: 'short' }).format(AT));
    expect(savedTime(AT)).not.toBe(english);
    expect(savedDateTime(AT)).toBe(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(AT),
    );
    expect(dayLabel(AT, AT + 5 * 86_400_000)).toBe(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'full' }).format(AT),
    );
  });
});
