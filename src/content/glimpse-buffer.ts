/**
 * The glimpse buffer (issue 5): in the page's memory only, the text blocks that stayed on screen
 * for at least a second, with when they were first and last seen and for how long, for the last N
 * minutes. Nothing here is sent anywhere; the shortcut asks for a snapshot.
 *
 * Pure bookkeeping, driven by the page watcher (block-watch.ts) with the times of IntersectionObserver
 * callbacks; `K` is the block element there and anything in tests. Entries are keyed by text, so
 * the same paragraph re-rendered by a single-page app is one entry seen longer.
 */
import type { SeenBlock } from '../shared/protocol';

export interface BufferOptions {
  /** How long an entry is kept after it was last seen, ms. */
  windowMs: number;
  /** How long a block must stay on screen in one go to count, ms. */
  minMs?: number;
  /** Entries kept at most (the least recently seen go first). */
  maxEntries?: number;
}

export const MIN_ON_SCREEN_MS = 1_000;
const DEFAULT_MAX_ENTRIES = 500;

export class GlimpseBuffer<K> {
  private readonly since = new Map<K, number>();
  private readonly seen = new Map<string, SeenBlock>();
  private readonly minMs: number;
  private readonly maxEntries: number;
  /** While paused (the page is not fully allowed now, issue 11) nothing comes on screen. */
  private paused = false;

  constructor(
    private readonly textOf: (key: K) => string,
    private readonly options: BufferOptions,
  ) {
    this.minMs = options.minMs ?? MIN_ON_SCREEN_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  /** `key` came on screen at `t` (ignored when it already is). */
  enter(key: K, t: number): void {
    if (!this.paused && !this.since.has(key)) this.since.set(key, t);
  }

  /** `key` left the screen at `t`. */
  leave(key: K, t: number): void {
    const start = this.since.get(key);
    if (start === undefined) return;
    this.since.delete(key);
    this.credit(key, start, t);
  }

  /**
   * Record `key` now if it has been on screen long enough, while it is still in the page: an
   * element removed later (a single-page app re-rendering) can no longer say what it showed.
   */
  settle(key: K, t: number): void {
    const start = this.since.get(key);
    if (start === undefined || t - start < this.minMs) return;
    this.credit(key, start, t);
    this.since.set(key, t);
  }

  /** Everything on screen leaves at `t` (the tab was hidden); returns what was on screen. */
  leaveAll(t: number): K[] {
    const keys = [...this.since.keys()];
    for (const key of keys) this.leave(key, t);
    return keys;
  }

  /** What stayed on screen for at least `minMs` within the window, oldest first. */
  snapshot(t: number): SeenBlock[] {
    for (const key of [...this.since.keys()]) this.settle(key, t);
    this.prune(t);
    return [...this.seen.values()].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  }

  /**
   * Stop recording: what is on screen now is dropped without being counted (its text may already
   * be the next address's, or sit beside a login form), and nothing enters until `resume`.
   */
  pause(): void {
    this.paused = true;
    this.since.clear();
  }

  resume(): void {
    this.paused = false;
  }

  /** Forget everything (the watcher stopped: host access revoked, or capture turned off). */
  clear(): void {
    this.since.clear();
    this.seen.clear();
  }

  private credit(key: K, start: number, end: number): void {
    const ms = Math.max(0, end - start);
    let text: string;
    try {
      text = this.textOf(key);
    } catch {
      return;
    }
    if (!text) return;
    const known = this.seen.get(text);
    // A short stint adds time to a block already counted, but does not make a block count.
    if (!known && ms < this.minMs) return;
    this.seen.delete(text); // re-inserted last: the map stays in order of last sight
    this.seen.set(text, {
      text,
      firstSeenAt: Math.round(known?.firstSeenAt ?? start),
      lastSeenAt: Math.round(end),
      visibleMs: Math.round((known?.visibleMs ?? 0) + ms),
    });
    while (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
  }

  private prune(t: number): void {
    for (const [text, block] of this.seen) {
      if (block.lastSeenAt < t - this.options.windowMs) this.seen.delete(text);
    }
  }
}
