import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const ago = (seconds: number) => now - seconds * 1000;
const en = (seconds: number) => formatRelativeTime(ago(seconds), now, 'en');

describe('formatRelativeTime', () => {
  it('says now for under a minute, and for the future', () => {
    expect(en(0)).toBe('now');
    expect(en(59)).toBe('now');
    expect(en(-3600)).toBe('now');
  });

  it('counts minutes and hours', () => {
    expect(en(60)).toBe('1 minute ago');
    expect(en(45 * 60)).toBe('45 minutes ago');
    expect(en(3 * 3600 + 59 * 60)).toBe('3 hours ago');
  });

  it('counts whole days toward zero', () => {
    expect(en(36 * 3600)).toBe('yesterday');
    expect(en(3 * 24 * 3600)).toBe('3 days ago');
  });

  it('counts weeks, months and years', () => {
    expect(en(8 * 24 * 3600)).toBe('last week');
    expect(en(3 * 7 * 24 * 3600)).toBe('3 weeks ago');
    expect(en(65 * 24 * 3600)).toBe('2 months ago');
    expect(en(800 * 24 * 3600)).toBe('2 years ago');
  });

  it('speaks the given language', () => {
    expect(formatRelativeTime(ago(3 * 24 * 3600), now, 'zh-CN')).toBe('3天前');
  });

  it('returns an empty string for a missing time', () => {
    expect(formatRelativeTime(Number.NaN, now, 'en')).toBe('');
  });
});
