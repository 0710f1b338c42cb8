/**
 * Automatic capture's page views: when the page counts as read (read-tracker.ts), one save per
 * view with the blocks read in it, a failed save tried again a little later, and a single-page
 * app's new address treated as a new view whose read time and read parts start again.
 */
import { ReadTracker } from './read-tracker';
import type { Timers } from './timers';

/** After a single-page app changes address, its new content gets this long to render. */
const ROUTE_SETTLE_MS = 500;
/** A failed automatic save is tried this many times in a page view, this far apart. */
const SAVE_TRIES = 3;
const SAVE_RETRY_MS = 30_000;

export interface PageViewDeps {
  win: Window;
  now: () => number;
  visible: () => boolean;
  timers: Timers;
  /** The text of the blocks seen since `since` (the view's start), at time `t`. */
  readSince(since: number, t: number): string[];
  /** Save the page as read. */
  save(read: string[]): Promise<void>;
  /** Look for the text blocks of a new view. */
  rescan(): void;
}

const addressOf = (href: string): string => href.replace(/#.*$/, '');

export class PageViews {
  /** Undefined without automatic capture, and while a new view settles. */
  private tracker: ReadTracker | undefined;
  private viewStart: number;
  private saved = false;
  private saving = false;
  // A save that failed (the worker restarting, storage busy) is tried again a little later.
  private failures = 0;
  private retryAt = 0;
  private address: string;
  private lastScrollY: number;
  /** While the page is not fully allowed (page-gate.ts): no read time, no save. */
  private held = false;

  /** `dwellMs` null: automatic capture is off, only the address is followed. */
  constructor(
    private readonly dwellMs: number | null,
    private readonly deps: PageViewDeps,
  ) {
    this.tracker = dwellMs === null ? undefined : new ReadTracker(dwellMs);
    this.viewStart = deps.now();
    this.address = addressOf(deps.win.location.href);
    this.lastScrollY = deps.win.scrollY;
  }

  start(): void {
    if (this.deps.visible()) this.tracker?.show(this.viewStart);
  }

  shown(t: number): void {
    this.tracker?.show(t);
  }

  hidden(t: number): void {
    this.tracker?.hide(t);
  }

  scrolled(): void {
    const { win } = this.deps;
    this.tracker?.scrolled(win.scrollY - this.lastScrollY);
    this.lastScrollY = win.scrollY;
  }

  /** Follow the address, and save the page once it counts as read. Safe to call often. */
  readonly tick = (): void => {
    const { win, now, visible } = this.deps;
    if (this.held) return;
    if (addressOf(win.location.href) !== this.address) this.newView();
    const t = now();
    if (!this.tracker || this.saved || this.saving || t < this.retryAt) return;
    if (!visible() || !this.tracker.isRead(t, win.innerHeight)) return;
    this.saving = true;
    this.deps
      .save(this.deps.readSince(this.viewStart, t))
      .then(() => {
        this.saved = true;
      })
      .catch(() => {
        // Refused (paused, turned off, a rule) or failed: a few more tries in this view, then
        // only on the next page view. A refusal refuses again; a passing failure gets through.
        this.failures += 1;
        if (this.failures >= SAVE_TRIES) this.saved = true;
        else this.retryAt = now() + SAVE_RETRY_MS;
      })
      .finally(() => {
        this.saving = false;
      });
  };

  stop(): void {
    this.tracker = undefined;
  }

  /** The page is not fully allowed now: its read time stops, and nothing is saved. */
  hold(): void {
    this.held = true;
    this.tracker = undefined;
  }

  /**
   * The page is fully allowed again: a new address is a new view; the same one reads again from
   * now (what was on screen beside a login form does not count).
   */
  release(): void {
    if (!this.held) return;
    this.held = false;
    if (addressOf(this.deps.win.location.href) !== this.address) {
      this.newView();
      return;
    }
    if (this.dwellMs === null || this.saved) return;
    this.viewStart = this.deps.now();
    this.tracker = new ReadTracker(this.dwellMs);
    if (this.deps.visible()) this.tracker.show(this.viewStart);
  }

  private newView(): void {
    const { win, now, visible, timers } = this.deps;
    this.address = addressOf(win.location.href);
    this.saved = false;
    this.failures = 0;
    this.retryAt = 0;
    const dwellMs = this.dwellMs;
    if (dwellMs === null) return;
    // The old route's words are not the new page's: read time and read parts start again.
    timers.later(() => {
      if (this.held) return;
      this.viewStart = now();
      this.tracker = new ReadTracker(dwellMs);
      if (visible()) this.tracker.show(this.viewStart);
      this.deps.rescan();
    }, ROUTE_SETTLE_MS);
    this.tracker = undefined;
  }
}
