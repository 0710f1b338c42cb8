import { describe, expect, it } from 'vitest';
import { ReadTracker } from './read-tracker';

describe('ReadTracker', () => {
  it('counts a page as read after the dwell threshold on screen', () => {
    const t = new ReadTracker(20_000);
    t.show(0);
    expect(t.isRead(19_999, 800)).toBe(false);
    expect(t.isRead(20_000, 800)).toBe(true);
  });

  it('does not count time while the tab is hidden', () => {
    const t = new ReadTracker(20_000);
    t.show(0);
    t.hide(10_000);
    expect(t.isRead(60_000, 800)).toBe(false);
    t.show(60_000);
    expect(t.isRead(70_000, 800)).toBe(true);
  });

  it('a page scrolled through a screen is read after a quarter of the threshold', () => {
    const t = new ReadTracker(20_000);
    t.show(0);
    t.scrolled(500);
    t.scrolled(-400);
    expect(t.isRead(5_000, 800)).toBe(true);
    const still = new ReadTracker(20_000);
    still.show(0);
    still.scrolled(100);
    expect(still.isRead(5_000, 800)).toBe(false);
  });
});
