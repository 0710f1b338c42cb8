import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, oneLine } from './one-line';
import { truncateSafely } from './text';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isLoneSurrogateAtEnd = (s: string): boolean => {
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
};

describe('truncateSafely', () => {
  it('never leaves a lone high surrogate at the cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(80), (text, max) => {
        const cut = truncateSafely(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        expect(cut.length).toBeGreaterThanOrEqual(Math.min(text.length, max) - 1);
        expect(isLoneSurrogateAtEnd(cut)).toBe(false);
        // Well-formed in, well-formed out.
        expect(LONE_SURROGATE.test(cut)).toBe(false);
      }),
    );
  });

  it('cuts before an emoji split by the limit', () => {
    expect(truncateSafely('ab😀', 3)).toBe('ab');
    expect(truncateSafely('ab😀', 4)).toBe('ab😀');
    expect(truncateSafely('abc', 10)).toBe('abc');
  });
});

describe('oneLine and joinLines', () => {
  it('collapses HTML white space only', () => {
    expect(oneLine('  a \n\t b  ')).toBe('a b');
    expect(oneLine('a\u00a0\u00a0b\u3000c')).toBe('a\u00a0\u00a0b\u3000c');
    expect(oneLine(null)).toBe('');
  });

  it('joins distinct non-empty lines', () => {
    expect(joinLines(['Read more', '', null, ' Read  more ', 'https://x.org/'])).toBe(
      'Read more\nhttps://x.org/',
    );
  });
});
