import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, normalizeText, truncateSafely } from './text';
import { hostileText, isWellFormed } from './test-arbitraries';

describe('normalizeText', () => {
  it('unifies line endings, collapses spaces, trims lines and blank runs', () => {
    expect(normalizeText('  Hello \t  world  \r\n\r\n\r\n\n  next\u00a0 line \rlast  ')).toBe(
      'Hello world\n\nnext line\nlast',
    );
  });

  it('composes to NFC', () => {
    expect(normalizeText('e\u0301')).toBe('\u00e9');
  });

  it('keeps Chinese and emoji as they are', () => {
    expect(normalizeText(' 我昨天读了一篇文章。 👨‍👩‍👧 ')).toBe('我昨天读了一篇文章。 👨‍👩‍👧');
  });

  it('is idempotent', () => {
    const text = fc.oneof(hostileText(), fc.string({ unit: 'binary' }), fc.string());
    fc.assert(
      fc.property(text, (t) => normalizeText(normalizeText(t)) === normalizeText(t)),
      {
        numRuns: 500,
      },
    );
  });
});

describe('foldForSearch', () => {
  it('folds full-width forms and case', () => {
    expect(foldForSearch('ＲＵＳＴ Ａｓｙｎｃ １２３')).toBe('rust async 123');
    expect(foldForSearch('ﬁle Straße')).toBe('file straße');
  });
});

describe('truncateSafely', () => {
  it('returns short text unchanged', () => {
    expect(truncateSafely('abc', 5)).toBe('abc');
    expect(truncateSafely('abc', 0)).toBe('');
  });

  it('never cuts a surrogate pair', () => {
    expect(truncateSafely('a😀b', 2)).toBe('a');
    expect(truncateSafely('a😀b', 3)).toBe('a😀');
  });

  it('gives a well-formed prefix within the limit', () => {
    fc.assert(
      fc.property(hostileText(), fc.nat(200), (t, n) => {
        const cut = truncateSafely(t, n);
        return (
          cut.length <= n &&
          t.startsWith(cut) &&
          isWellFormed(cut) &&
          cut.length >= Math.min(n, t.length) - 1
        );
      }),
    );
  });
});
