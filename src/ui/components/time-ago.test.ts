import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { timeAgo } from './time-ago';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const ago = (seconds: number) => NOW - seconds * 1000;
const DAY = 24 * 3600;

afterEach(() => setMessageSource(tableSource(en)));

describe('timeAgo', () => {
  it.each([
    [0, 'just now', '刚刚'],
    [-3600, 'just now', '刚刚'],
    [60, '1 minute ago', '1 分钟前'],
    [45 * 60, '45 minutes ago', '45 分钟前'],
    [3 * 3600 + 59 * 60, '3 hours ago', '3 小时前'],
    [36 * 3600, 'yesterday', '昨天'],
    [3 * DAY, '3 days ago', '3 天前'],
    [8 * DAY, 'last week', '上周'],
    [21 * DAY, '3 weeks ago', '3 周前'],
    [65 * DAY, '2 months ago', '2 个月前'],
    [800 * DAY, '2 years ago', '2 年前'],
  ])('%i s ago → %s / %s', (seconds, english, chinese) => {
    expect(timeAgo(ago(seconds), NOW, 'en')).toBe(english);
    expect(timeAgo(ago(seconds), NOW, 'zh')).toBe(chinese);
  });

  it('follows the language asked for, not the browser’s', () => {
    setMessageSource(tableSource(zhCN));
    expect(timeAgo(ago(3 * DAY), NOW, 'en')).toBe('3 days ago');
  });

  it('says nothing for a missing time', () => {
    expect(timeAgo(Number.NaN, NOW, 'en')).toBe('');
  });
});
