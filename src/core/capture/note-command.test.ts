import { describe, expect, test } from 'vitest';
import { noteFrom, noteTitle } from './note-command';

describe('noteFrom', () => {
  test('takes the note out of "remember …" in English and Chinese', () => {
    expect(noteFrom('remember the idea about Rust async cancellation')).toBe(
      'the idea about Rust async cancellation',
    );
    expect(noteFrom('Remember that: Ana likes green tea')).toBe('Ana likes green tea');
    expect(noteFrom('note: buy a cloche for the terrarium')).toBe('buy a cloche for the terrarium');
    expect(noteFrom('记住：周五前给小王回邮件')).toBe('周五前给小王回邮件');
    expect(noteFrom('记一下 明天带伞')).toBe('明天带伞');
  });

  test('leaves questions alone', () => {
    expect(noteFrom('do you remember the article about peanuts?')).toBeUndefined();
    expect(noteFrom('remembering things is hard')).toBeUndefined();
    expect(noteFrom('remember')).toBeUndefined();
    expect(noteFrom('我记住了什么？')).toBeUndefined();
  });
});

test('noteTitle keeps the first line, cut at 80 characters without splitting an emoji', () => {
  expect(noteTitle('Buy tea\nand milk')).toBe('Buy tea');
  const long = '😀'.repeat(100);
  expect([...noteTitle(long)]).toHaveLength(80);
  expect(noteTitle(long).endsWith('…')).toBe(true);
});
