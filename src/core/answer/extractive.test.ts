import { describe, expect, it } from 'vitest';
import { extractiveAnswer, groupedByPassage } from './extractive';

describe('extractiveAnswer', () => {
  const english = [
    {
      n: 1,
      text: 'Tokio is an async runtime for Rust. It schedules tasks on a thread pool. The logo is a turtle.',
    },
    {
      n: 2,
      text: 'Async Rust uses futures, which do nothing until they are polled by an executor.',
    },
  ];

  it('returns the sentences that best match an English question, cited', () => {
    const answer = extractiveAnswer('How are Rust futures polled?', english);
    expect(answer[0]).toEqual({
      n: 2,
      sentence: 'Async Rust uses futures, which do nothing until they are polled by an executor.',
    });
    expect(answer.map((a) => a.sentence)).not.toContain('The logo is a turtle.');
  });

  it('answers a Chinese question from Chinese passages', () => {
    const passages = [
      { n: 1, text: '我昨天读了一篇文章。文章说量子计算利用量子比特进行运算！天气很好。' },
      { n: 2, text: '经典计算机使用二进制位。量子计算机的纠错非常困难？' },
    ];
    const answer = extractiveAnswer('量子计算用什么运算？', passages, 2);
    expect(answer[0]).toEqual({ n: 1, sentence: '文章说量子计算利用量子比特进行运算！' });
    expect(answer).toHaveLength(2);
    expect(answer.map((a) => a.sentence)).not.toContain('天气很好。');
  });

  it('limits the number of sentences and orders ties by passage', () => {
    const passages = [
      { n: 3, text: 'Cats purr. Cats sleep.' },
      { n: 4, text: 'Cats hunt.' },
    ];
    expect(extractiveAnswer('cats', passages, 2)).toEqual([
      { n: 3, sentence: 'Cats purr.' },
      { n: 3, sentence: 'Cats sleep.' },
    ]);
  });

  it('counts a sentence repeated by overlapping chunks once', () => {
    const passages = [
      { n: 1, text: 'Rust is fast. Rust is safe.' },
      { n: 2, text: 'Rust is safe. Rust is fun.' },
    ];
    const sentences = extractiveAnswer('rust', passages, 5).map((a) => a.sentence);
    expect(sentences).toEqual(['Rust is fast.', 'Rust is safe.', 'Rust is fun.']);
  });

  it('falls back to the first sentence of the first passage', () => {
    expect(extractiveAnswer('zebra', english)).toEqual([
      { n: 1, sentence: 'Tokio is an async runtime for Rust.' },
    ]);
    expect(extractiveAnswer('zebra', [])).toEqual([]);
    expect(extractiveAnswer('zebra', [{ n: 1, text: '  ' }])).toEqual([]);
  });

  it('shortens a very long sentence', () => {
    const [first] = extractiveAnswer('word', [{ n: 1, text: 'word '.repeat(200) }]);
    expect(first?.sentence.length).toBeLessThanOrEqual(401);
    expect(first?.sentence.endsWith('…')).toBe(true);
  });
});

describe('groupedByPassage', () => {
  it("puts each source's sentences together under its number", () => {
    const text = groupedByPassage([
      { n: 2, sentence: 'Futures are polled.' },
      { n: 1, sentence: 'Tokio is a runtime.' },
      { n: 2, sentence: 'Executors poll them.' },
    ]);
    expect(text).toBe(
      '[2] “Futures are polled.” “Executors poll them.”\n\n[1] “Tokio is a runtime.”',
    );
  });
});
