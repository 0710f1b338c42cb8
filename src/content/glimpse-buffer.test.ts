import { describe, expect, it } from 'vitest';
import { GlimpseBuffer } from './glimpse-buffer';

const texts: Record<string, string> = { a: 'Paragraph A', b: 'Paragraph B', c: 'Paragraph C' };
const buffer = (windowMs = 10 * 60_000) =>
  new GlimpseBuffer<string>((key) => texts[key] ?? '', { windowMs });

describe('GlimpseBuffer', () => {
  it('keeps blocks on screen for a second or more, not those that only flashed by', () => {
    const b = buffer();
    b.enter('a', 0);
    b.leave('a', 1_500);
    b.enter('b', 1_500);
    b.leave('b', 1_700);
    b.enter('c', 1_700);
    expect(b.snapshot(3_000).map((s) => s.text)).toEqual(['Paragraph A', 'Paragraph C']);
  });

  it('records when and how long each block was seen', () => {
    const b = buffer();
    b.enter('a', 100);
    b.leave('a', 1_300);
    b.enter('a', 5_000);
    b.leave('a', 5_200); // a short second look still adds time to a block already counted
    expect(b.snapshot(6_000)).toEqual([
      { text: 'Paragraph A', firstSeenAt: 100, lastSeenAt: 5_200, visibleMs: 1_400 },
    ]);
  });

  it('forgets what was last seen longer ago than the window', () => {
    const b = buffer(60_000);
    b.enter('a', 0);
    b.leave('a', 2_000);
    b.enter('b', 30_000);
    b.leave('b', 32_000);
    expect(b.snapshot(62_001).map((s) => s.text)).toEqual(['Paragraph B']);
  });

  it('settles a block while it is still on screen, so a removed element is not lost', () => {
    const b = buffer();
    const live = { a: 'Paragraph A' } as Record<string, string>;
    const tracked = new GlimpseBuffer<string>((key) => live[key] ?? '', { windowMs: 60_000 });
    tracked.enter('a', 0);
    tracked.settle('a', 1_100);
    delete live.a; // the element is gone: its text can no longer be read
    tracked.leave('a', 1_500);
    expect(tracked.snapshot(2_000).map((s) => s.text)).toEqual(['Paragraph A']);
    expect(b.snapshot(0)).toEqual([]);
  });

  it('a hidden tab stops the clock', () => {
    const b = buffer();
    b.enter('a', 0);
    expect(b.leaveAll(500)).toEqual(['a']);
    b.enter('a', 10_000);
    b.leave('a', 10_600);
    expect(b.snapshot(11_000)).toEqual([]);
  });

  it('keeps at most maxEntries, dropping the least recently seen', () => {
    const b = new GlimpseBuffer<string>((key) => `Block ${key}`, { windowMs: 1e9, maxEntries: 2 });
    for (const [i, key] of ['x', 'y', 'z'].entries()) {
      b.enter(key, i * 2_000);
      b.leave(key, i * 2_000 + 1_000);
    }
    expect(b.snapshot(10_000).map((s) => s.text)).toEqual(['Block y', 'Block z']);
    b.clear();
    expect(b.snapshot(10_000)).toEqual([]);
  });
});
