/**
 * Answers from the user's own words quote them with the day they were kept, in the user's terms
 * and the question's language (issue 15, docs/VOICE.md example 5).
 */
import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../../shared/db';
import { ownWordsAnswer, saidWhen } from './own-words-answer';
import type { RetrievedSource } from './retrieve';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12); // Monday 30 November 2026, noon UTC
const THREE_WEEKS = NOW - 21 * DAY; // Monday 9 November

const found = (kind: SourceRow['kind'], text: string, savedAt: number): RetrievedSource => ({
  source: { id: `src_${text.length}`, kind, text, savedAt, title: text } as SourceRow,
  chunks: [],
  score: 1,
  relevance: 2,
});

describe('saidWhen', () => {
  it('gives the day and how long ago, in English and Chinese', () => {
    expect(saidWhen(THREE_WEEKS, NOW, 'en', 'UTC')).toBe('Monday 9 November (3 weeks ago)');
    expect(saidWhen(THREE_WEEKS, NOW, 'zh', 'UTC')).toBe('11月9日星期一（3 周前）');
  });

  it('names the year of a day in another year', () => {
    expect(saidWhen(NOW - 400 * DAY, NOW, 'en', 'UTC')).toBe('Sunday, 26 October 2025 (last year)');
  });

  it('reads the day in the user’s zone', () => {
    const lateEvening = Date.UTC(2026, 10, 9, 23, 30);
    expect(saidWhen(lateEvening, NOW, 'en', 'Asia/Shanghai')).toMatch(/^Tuesday 10 November/);
  });
});

describe('ownWordsAnswer', () => {
  it('quotes what was said with its date, in the question’s language', () => {
    const sister = found('said', "My sister's birthday is 12 May", THREE_WEEKS);
    expect(ownWordsAnswer("When is my sister's birthday?", [sister], NOW, 'UTC')).toBe(
      "[1] On Monday 9 November (3 weeks ago) you told me: “My sister's birthday is 12 May”",
    );
    expect(ownWordsAnswer('我妹妹的生日是哪天？', [sister], NOW, 'UTC')).toBe(
      "[1] 11月9日星期一（3 周前）你跟我说过：“My sister's birthday is 12 May”",
    );
  });

  it('quotes a note without the line naming its page, and numbers it as cited', () => {
    const idea = {
      ...found('note', 'heat store\n\nNoted while on the page “Batteries” (https://x.com)', NOW),
    };
    idea.source = { ...idea.source, notedOn: { url: 'https://x.com', title: 'Batteries' } };
    const text = ownWordsAnswer('what did I note?', [idea, found('page', 'a page', NOW)], NOW);
    expect(text).toMatch(/^\[1\] On .+ you noted: “heat store”$/);
  });

  it('leaves an answer whose best source is a page to the usual extractive answer', () => {
    const answer = ownWordsAnswer(
      'moss',
      [found('page', 'Moss', NOW), found('note', 'moss idea', NOW)],
      NOW,
    );
    expect(answer).toBeUndefined();
  });
});
