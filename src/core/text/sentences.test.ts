import { describe, expect, it } from 'vitest';
import { sentenceSpans, trimSpan } from './sentences';

const texts = (text: string): string[] =>
  sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('splits English and Chinese sentences, trimmed', () => {
    expect(texts('  Hello world.  How are you?\n')).toEqual(['Hello world.', 'How are you?']);
    expect(texts('我昨天读了文章。真的吗？是的！')).toEqual([
      '我昨天读了文章。',
      '真的吗？',
      '是的！',
    ]);
  });

  it('ends a sentence at a line break', () => {
    expect(texts('Title\nFirst line of text')).toEqual(['Title', 'First line of text']);
  });

  it('gives nothing for blank text', () => {
    expect(sentenceSpans(' \n\t ')).toEqual([]);
  });

  it('works on a sub-range', () => {
    const text = 'Skip this. Take this. And this.';
    const spans = sentenceSpans(text, 11, text.length);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Take this.', 'And this.']);
  });
});

describe('trimSpan', () => {
  it('keeps a space that carries a combining mark', () => {
    expect(trimSpan('  \u0301x ', 0, 5)).toEqual({ start: 1, end: 4 });
  });

  it('returns undefined for whitespace', () => {
    expect(trimSpan('a   b', 1, 4)).toBeUndefined();
  });
});
