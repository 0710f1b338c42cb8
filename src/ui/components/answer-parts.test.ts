import { describe, expect, it } from 'vitest';
import { splitAnswer } from './answer-parts';

const known = new Set([1, 2, 3, 12]);

describe('splitAnswer', () => {
  it('keeps text without markers as one part', () => {
    expect(splitAnswer('Rust async uses futures.', known)).toEqual([
      { kind: 'text', text: 'Rust async uses futures.' },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(splitAnswer('', known)).toEqual([]);
  });

  it('splits single and multi-digit markers', () => {
    expect(splitAnswer('Futures are lazy [1]. Pinning matters [12].', known)).toEqual([
      { kind: 'text', text: 'Futures are lazy ' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: '. Pinning matters ' },
      { kind: 'cite', n: 12 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('splits adjacent markers', () => {
    expect(splitAnswer('Both say so [1][2].', known)).toEqual([
      { kind: 'text', text: 'Both say so ' },
      { kind: 'cite', n: 1 },
      { kind: 'cite', n: 2 },
      { kind: 'text', text: '.' },
    ]);
  });

  it('splits comma lists, with or without spaces', () => {
    expect(splitAnswer('See [1, 2] and [2,3]', known)).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'cite', n: 1 },
      { kind: 'cite', n: 2 },
      { kind: 'text', text: ' and ' },
      { kind: 'cite', n: 2 },
      { kind: 'cite', n: 3 },
    ]);
  });

  it('accepts full-width brackets and commas in Chinese answers', () => {
    expect(splitAnswer('异步运行时【1】，见［2，3］与[1、2]。', known)).toEqual([
      { kind: 'text', text: '异步运行时' },
      { kind: 'cite', n: 1 },
      { kind: 'text', text: '，见' },
      { kind: 'cite', n: 2 },
      { kind: 'cite', n: 3 },
      { kind: 'text', text: '与' },
      { kind: 'cite', n: 1 },
      { kind: 'cite', n: 2 },
      { kind: 'text', text: '。' },
    ]);
  });

  it('leaves unknown numbers and non-markers as text', () => {
    expect(splitAnswer('xs[0] and [7] and [a] and [1, 9]', known)).toEqual([
      { kind: 'text', text: 'xs[0] and [7] and [a] and [1, 9]' },
    ]);
  });

  it('leaves a half-streamed marker as text', () => {
    expect(splitAnswer('Futures are lazy [1', known)).toEqual([
      { kind: 'text', text: 'Futures are lazy [1' },
    ]);
  });

  it('never loses or reorders characters', () => {
    const text = 'a [1] b [1, 2][3] c [x] 【12】 d';
    const rebuilt = splitAnswer(text, known)
      .map((p) => (p.kind === 'text' ? p.text : `<${p.n}>`))
      .join('');
    expect(rebuilt).toBe('a <1> b <1><2><3> c [x] <12> d');
  });
});
