import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { pagesSentence } from './forget-offer-words';

afterEach(() => setMessageSource(tableSource(en)));

describe('the forget offer, for one page or several', () => {
  it('says "it" of one page and "them" of several, in English', () => {
    expect(pagesSentence('offer', 1, 'example.com')).toBe(
      '1 page from example.com is already in your memory. Delete it?',
    );
    expect(pagesSentence('offer', 1_234, 'example.com')).toBe(
      '1,234 pages from example.com are already in your memory. Delete them?',
    );
    expect(pagesSentence('confirm', 3)).toBe('Delete 3 pages');
    expect(pagesSentence('keep', 1)).toBe('Keep it');
    expect(pagesSentence('deleting', 1)).toBe('Deleting 1 page…');
    expect(pagesSentence('done', 2, 'a.com')).toBe(
      'Deleted 2 pages from a.com: gone from storage and search.',
    );
  });

  it('words the same offer in Chinese', () => {
    setMessageSource(tableSource(zhCN));
    expect(pagesSentence('offer', 3, 'example.com')).toBe(
      '你的记忆中已有 3 个来自 example.com 的网页。要删除吗？',
    );
    expect(pagesSentence('confirm', 1)).toBe('删除 1 个网页');
  });
});
