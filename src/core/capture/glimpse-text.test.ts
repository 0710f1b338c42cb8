import { describe, expect, it } from 'vitest';
import { glimpseBlocks, glimpseText } from './glimpse-text';

describe('glimpse text', () => {
  it('orders the buffer by first sight, then adds what is on screen now, each block once', () => {
    const blocks = glimpseBlocks({
      seen: [
        { text: 'Second seen.', firstSeenAt: 20 },
        { text: 'First seen.', firstSeenAt: 10 },
      ],
      now: ['Second seen.', 'On screen now.'],
    });
    expect(blocks).toEqual(['First seen.', 'Second seen.', 'On screen now.']);
  });

  it('adds the selection only when no block already holds it', () => {
    const parts = { seen: [{ text: 'A long paragraph with words.', firstSeenAt: 1 }], now: [] };
    expect(glimpseBlocks({ ...parts, selection: 'paragraph with' })).toHaveLength(1);
    expect(glimpseBlocks({ ...parts, selection: ' Elsewhere. ' })).toEqual([
      'A long paragraph with words.',
      'Elsewhere.',
    ]);
  });

  it('is empty when nothing was seen, and blank blocks are dropped', () => {
    expect(glimpseText({ seen: [], now: ['  ', ''] })).toBe('');
  });
});
