import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTokens, tokenize, tokenTenths } from './tokenize';
import { hostileText } from './test-arbitraries';

describe('tokenize', () => {
  it('segments Chinese with the ICU dictionary and drops function words', () => {
    const tokens = tokenize('我昨天读了一篇关于量子计算的文章');
    expect(tokens).toContain('量子');
    expect(tokens).toContain('计算');
    expect(tokens).toContain('文章');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('我');
  });

  it('lower-cases English and drops stop words and punctuation', () => {
    expect(tokenize('What was THAT article about Rust async?')).toEqual([
      'article',
      'about',
      'rust',
      'async',
    ]);
  });

  it('handles mixed text and full-width letters', () => {
    expect(tokenize('ＲＵＳＴ 的 async 语言')).toEqual(['rust', 'async', '语言']);
  });

  it('keeps numbers, domains, contractions and snake_case whole; splits hyphens', () => {
    expect(tokenize("Pi is 3.14 on example.com, don't use snake_case e-mail")).toEqual([
      'pi',
      '3.14',
      'example.com',
      "don't",
      'use',
      'snake_case',
      'e',
      'mail',
    ]);
  });

  it('segments Japanese and Thai with the dictionary too', () => {
    expect(tokenize('東京タワーに行きました')).toEqual(
      expect.arrayContaining(['東京タワー', '行き']),
    );
    expect(tokenize('ภาษาไทยง่ายนิดเดียว')).toEqual(expect.arrayContaining(['ภาษา', 'ไทย']));
  });

  it('gives only short, non-empty tokens on hostile text', () => {
    fc.assert(
      fc.property(hostileText(), (text) =>
        tokenize(text).every((t) => t.length > 0 && t.length <= 64 && !/\s/.test(t)),
      ),
    );
  });

  it('strips English possessives', () => {
    expect(tokenize("Rust's borrow checker")).toEqual(['rust', 'borrow', 'checker']);
  });

  it('drops tokens longer than 64 characters', () => {
    expect(tokenize(`short ${'x'.repeat(65)} ${'y'.repeat(64)}`)).toEqual([
      'short',
      'y'.repeat(64),
    ]);
  });

  it('tokenizes long text in windows without losing words', () => {
    const text = 'alpha beta gamma delta. '.repeat(2_000);
    expect(tokenize(text)).toHaveLength(8_000);
  });
});

describe('estimateTokens', () => {
  it('counts ~1 per CJK character, ~1.3 per word, punctuation lightly', () => {
    expect(estimateTokens('量子计算')).toBe(4);
    expect(estimateTokens('the quick brown fox jumps')).toBe(7); // 5 × 1.3 = 6.5
    expect(estimateTokens('Hi!')).toBe(2); // 1.3 + 0.5
    expect(estimateTokens('  \n ')).toBe(0);
    expect(estimateTokens('量子 code。')).toBe(4); // 2 + 1.3 + 0.5 = 3.8
    expect(estimateTokens('internationalization')).toBe(4); // 20 characters / 6
  });

  it('counts long words as several subword pieces', () => {
    expect(estimateTokens('x'.repeat(600))).toBe(100);
  });

  it('is subadditive and monotone, which chunk packing relies on', () => {
    fc.assert(
      fc.property(hostileText(40), hostileText(40), (a, b) => {
        const whole = tokenTenths(a + b);
        return whole <= tokenTenths(a) + tokenTenths(b) && whole >= tokenTenths(a);
      }),
      { numRuns: 500 },
    );
  });
});
