import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityKey } from './entity-key';
import { foldForMatch } from './match-fold';

describe('foldForMatch', () => {
  it('folds as entityKey does a name without titles', () => {
    for (const name of [
      'José García',
      'Ｊａｎｅ Ｄｏｅ',
      'Straße',
      "O'Brien",
      '唐纳德·特朗普',
      '崔 宁宁',
      'AT&T',
      'Łódź!',
    ]) {
      expect(foldForMatch(name).text).toBe(entityKey(name));
    }
  });

  it('maps every folded character back to the original, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const { text, origin } = foldForMatch(s);
        expect(origin.length).toBe(text.length + 1);
        expect(origin[text.length]).toBe(s.length);
        for (let i = 1; i < origin.length; i++)
          expect(origin[i]).toBeGreaterThanOrEqual(origin[i - 1] ?? 0);
      }),
    );
  });

  it('folds a long text in one pass', () => {
    const text = 'Ünïcödé Straße 量子计算 '.repeat(20_000);
    expect(foldForMatch(text).text.length).toBeGreaterThan(300_000);
  });
});
