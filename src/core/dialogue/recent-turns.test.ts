import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../text/tokenize';
import { recentTurns, TURNS_TOKEN_BUDGET } from './recent-turns';

const turn = (n: number, answerWords = 10) => ({
  question: `Question ${n}?`,
  answer: Array.from({ length: answerWords }, () => `word${n}`).join(' '),
});

describe('recentTurns', () => {
  it('keeps the last turns, oldest first', () => {
    const turns = [turn(1), turn(2), turn(3), turn(4)];
    expect(recentTurns(turns).map((t) => t.question)).toEqual([
      'Question 2?',
      'Question 3?',
      'Question 4?',
    ]);
  });

  it('keeps nothing from an empty conversation', () => {
    expect(recentTurns([])).toEqual([]);
  });

  it('cuts long answers and stays within the token budget', () => {
    const turns = [turn(1, 500), turn(2, 500), turn(3, 500)];
    const kept = recentTurns(turns);
    expect(kept.length).toBeGreaterThan(0);
    for (const t of kept) expect(t.answer.endsWith('…')).toBe(true);
    const spent = kept.reduce(
      (sum, t) => sum + estimateTokens(t.question) + estimateTokens(t.answer),
      0,
    );
    expect(spent).toBeLessThanOrEqual(TURNS_TOKEN_BUDGET);
  });

  it('stops at the first turn that does not fit, leaving no gap', () => {
    const turns = [turn(1), turn(2, 500), turn(3)];
    expect(recentTurns(turns, 60).map((t) => t.question)).toEqual(['Question 3?']);
  });

  it('cuts Chinese without splitting a character pair', () => {
    const kept = recentTurns([{ question: '问题？', answer: '𠀀'.repeat(400) }]);
    const answer = kept[0]?.answer ?? '';
    // A lone high surrogate would be a split pair.
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(answer)).toBe(false);
    expect(answer.length).toBeGreaterThan(0);
  });
});
