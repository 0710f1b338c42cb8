import { describe, expect, it } from 'vitest';
import { tIn } from '../../shared/i18n-in';
import { framedForConfidence, generatedAnswer, weakMatch } from './manner';
import type { RetrievedSource } from './retrieve';

const retrievedWith = (...relevances: number[]): RetrievedSource[] =>
  relevances.map((relevance) => ({ relevance }) as RetrievedSource);

describe('weakMatch: the best cited source decides', () => {
  it('is weak when even the best source only just passed the gate', () => {
    expect(weakMatch(retrievedWith(1.2, 1.05))).toBe(true);
    expect(weakMatch(retrievedWith(1.05, 2.4))).toBe(false);
    expect(weakMatch([])).toBe(false);
  });

  it("uses the embedding model's own line where it names one", () => {
    expect(weakMatch(retrievedWith(1.3))).toBe(true);
    expect(weakMatch(retrievedWith(1.3), 1.1)).toBe(false);
  });
});

describe('framedForConfidence: an answer from a weak passage says it is unsure', () => {
  const extractive = '[1] “Manteigaria sells custard tarts.”';

  it('leads with the unsure line in the language of the question', () => {
    expect(framedForConfidence('What was the bakery in Lisbon?', extractive, true)).toBe(
      `${tIn('en', 'answerUnsure')}\n\n${extractive}`,
    );
    expect(framedForConfidence('里斯本那家面包店叫什么？', extractive, true)).toBe(
      `${tIn('zh', 'answerUnsure')}\n\n${extractive}`,
    );
    expect(tIn('en', 'answerUnsure')).toMatch(/not sure/);
    expect(tIn('zh', 'answerUnsure')).toMatch(/不太确定/);
  });

  it('leaves a confident answer, and one that already says it is unsure, as they are', () => {
    expect(framedForConfidence('What was the bakery?', extractive, false)).toBe(extractive);
    const hedged = 'I am not sure — the closest is Manteigaria [1].';
    expect(framedForConfidence('What was the bakery?', hedged, true)).toBe(hedged);
    const hedgedZh = '我不太确定。最接近的是 Manteigaria [1]。';
    expect(framedForConfidence('那家面包店叫什么？', hedgedZh, true)).toBe(hedgedZh);
  });
});

describe('generatedAnswer: as the user reads it', () => {
  it('keeps only the numbers of its sources', () => {
    expect(generatedAnswer('When?', 'Before their first birthday [1][3].', 2, false)).toBe(
      'Before their first birthday [1].',
    );
    expect(generatedAnswer('什么时候？', '一岁之前【1】【4】。', 1, false)).toBe('一岁之前【1】。');
  });

  it('says it is unsure when the best source is weak and the model did not', () => {
    expect(generatedAnswer('When?', 'Before their first birthday [1].', 1, true)).toBe(
      `${tIn('en', 'answerUnsure')}\n\nBefore their first birthday [1].`,
    );
  });
});
