import { describe, expect, it } from 'vitest';
import { isWeakMatch, saysUnsure, WEAK_RELEVANCE } from './confidence';

describe('isWeakMatch', () => {
  it('is weak only when the best relevance is under the line', () => {
    expect(isWeakMatch([1, WEAK_RELEVANCE - 0.01])).toBe(true);
    expect(isWeakMatch([1, WEAK_RELEVANCE])).toBe(false);
    expect(isWeakMatch([3])).toBe(false);
    expect(isWeakMatch([1.2], 1.1)).toBe(false);
  });

  it('is not weak with nothing cited: that is the "not in memory" answer', () => {
    expect(isWeakMatch([])).toBe(false);
  });
});

describe('saysUnsure', () => {
  it.each([
    'I’m not sure this is what you mean.',
    "I can't tell that it is the one you mean [1].",
    'I only half remember it [1].',
    'It may not be the page you mean.',
    '我不太确定这是不是你要找的。',
    '我不能肯定就是你说的那家 [1]。',
  ])('hears the hedge in %s', (text) => {
    expect(saysUnsure(text)).toBe(true);
  });

  it.each([
    'Every two or three days, lightly [1].',
    'Sure: the notes say Tuesday [1].',
    '每两三天轻喷一次 [1]。',
    '确定是周二 [1]。',
  ])('hears none in %s', (text) => {
    expect(saysUnsure(text)).toBe(false);
  });
});
