import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordSet } from './keyword-set';

describe('KeywordSet', () => {
  it('finds overlapping and nested keywords, ASCII case ignored', () => {
    const set = new KeywordSet(['sk', 'sk_', 'api', 'rapidapi', '验证码', 'Key']);
    expect([...set.foundIn('RapidAPI sk_live 验证码')].sort()).toEqual(
      ['api', 'rapidapi', 'sk', 'sk_', '验证码'].sort(),
    );
    expect([...set.foundIn('KEY')]).toEqual(['key']);
    expect(set.foundIn('nothing here').size).toBe(0);
  });

  it('agrees with includes() on any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.string(),
        (words, text) => {
          const lower = words.map((w) => w.toLowerCase());
          const expected = lower.filter((w) =>
            text.replace(/[A-Z]/g, (c) => c.toLowerCase()).includes(w),
          );
          expect([...new KeywordSet(words).foundIn(text)].sort()).toEqual(
            [...new Set(expected)].sort(),
          );
        },
      ),
    );
  });
});
