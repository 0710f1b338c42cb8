import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormed } from './test-arbitraries';
import { toWellFormed } from './well-formed';

describe('toWellFormed', () => {
  it('replaces lone surrogates and keeps pairs', () => {
    expect(toWellFormed('a\ud800b\udc00c😀')).toBe('a\ufffdb\ufffdc😀');
    expect(toWellFormed('\udc00\ud800')).toBe('\ufffd\ufffd'); // reversed halves are not a pair
    const clean = 'Bridge 会议 مرحبا 👨‍👩‍👧';
    expect(toWellFormed(clean)).toBe(clean);
  });

  it('always gives well-formed text of the same length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = toWellFormed(text);
        expect(isWellFormed(out)).toBe(true);
        expect(out.length).toBe(text.length);
        expect(toWellFormed(out)).toBe(out);
      }),
    );
  });
});
