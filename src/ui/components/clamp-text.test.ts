import { describe, expect, it } from 'vitest';
import { clampText } from './clamp-text';

describe('clampText', () => {
  it('keeps short text, with whitespace collapsed', () => {
    expect(clampText('  a\n\n b\tc ', 10)).toBe('a b c');
  });

  it('cuts long text at a word and adds an ellipsis', () => {
    expect(clampText('futures are lazy and do nothing unless polled', 20)).toBe(
      'futures are lazy and…',
    );
  });

  it('cuts Chinese text by characters', () => {
    expect(clampText('异步运行时负责调度任务', 5)).toBe('异步运行时…');
  });

  it('never splits a surrogate pair', () => {
    expect(clampText('😀😀😀😀', 2)).toBe('😀😀…');
    expect(clampText('a😀😀😀', 2)).toBe('a😀…');
  });
});
