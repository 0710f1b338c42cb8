import { describe, expect, it } from 'vitest';
import { readRanges } from './read-ranges';

describe('readRanges', () => {
  const text = 'Title\n\nFirst paragraph here.\n\nSecond one.\n\nThird and last.';

  it('finds each read part and orders the ranges', () => {
    const ranges = readRanges(text, ['Third and last.', 'First paragraph here.']);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual([
      'First paragraph here.',
      'Third and last.',
    ]);
  });

  it('normalises a part before looking for it, and skips parts not in the text', () => {
    expect(readRanges(text, ['  Second   one. ', 'a sidebar line', ''])).toEqual([
      { start: text.indexOf('Second one.'), end: text.indexOf('Second one.') + 11 },
    ]);
  });

  it('merges overlapping parts', () => {
    const ranges = readRanges(text, ['First paragraph', 'paragraph here.']);
    expect(ranges).toHaveLength(1);
    expect(text.slice(ranges[0]!.start, ranges[0]!.end)).toBe('First paragraph here.');
  });
});
