/**
 * The page watcher, where Engram has host access (the service worker registers content.js for
 * the origins granted; see background/watch.ts). It asks the background whether this page may be
 * watched (host access, pause, incognito, site rules), runs the privacy gate in the page before
 * reading a word, keeps that gate for as long as the page is open (page-gate.ts: a single-page
 * app's new address, a login dialog added later), then, while it passes:
 * - keeps the glimpse buffer: blocks on screen for a second or more (block-watch.ts);
 * - with automatic capture on, saves the page once it is read, with the blocks read marked, and
 *   treats a single-page app's change of address as a new page (page-views.ts).
 * Everything stops on `content/watch-stop` (capture turned off, host access revoked).
 */
import type { SeenBlock, WatchConfig } from '../shared/protocol';
import { BlockWatch } from './block-watch';
import { navigationOf, PageGate } from './page-gate';
import { PageViews } from './page-views';
import { Timers } from './timers';

/** What the watcher needs from the rest of the content script. */
export interface WatchDeps {
  doc: Document;
  win: Window;
  /** Save the page as read (automatic capture), with the blocks read in this page view. */
  saveRead(read: string[]): Promise<void>;
  /** The background's verdict for a new address of the page (page-gate.ts). */
  siteAllows(url: string): Promise<boolean>;
  /** The page's own gate now: no password or card field (gate.ts `gateFields`). */
  fieldsAllow(): boolean;
  now?: () => number;
}

export interface Watcher {
  /** The buffer's blocks, for a glimpse; undefined when the buffer is off. */
  seen: (() => SeenBlock[]) | undefined;
  stop(): void;
}

/** How often a page being read is checked, and the address compared (single-page apps). */
const TICK_MS = 500;

/** Wire the two jobs (blocks on screen, page views) to the page's events, until `stop`. */
export function watchPage(config: Extract<WatchConfig, { watch: true }>, deps: WatchDeps): Watcher {
  const { doc, win } = deps;
  const now = deps.now ?? (() => Date.now());
  const visible = () => doc.visibilityState === 'visible';
  const timers = new Timers();
  // The buffer also serves automatic capture (the read parts), so it runs for either.
  const windowMs = Math.max(config.glimpseMs, config.dwellMs === null ? 0 : 60 * 60_000);
  const blocks = new BlockWatch(doc, win, windowMs, now, timers);
  const views = new PageViews(config.dwellMs, {
    win,
    now,
    visible,
    timers,
    readSince: (since, t) =>
      blocks.buffer
        .snapshot(t)
        .filter((block) => block.lastSeenAt >= since)
        .map((block) => block.text),
    save: (read) => deps.saveRead(read),
    rescan: () => blocks.scan(),
  });
  const gate = new PageGate({
    doc,
    win,
    timers,
    siteAllows: (url) => deps.siteAllows(url),
    fieldsAllow: () => deps.fieldsAllow(),
    close: (forget) => {
      blocks.pause(forget);
      views.hold();
    },
    open: () => {
      blocks.resume(now());
      views.release();
    },
  });

  const onVisibility = () => {
    const t = now();
    if (visible()) {
      blocks.shown(t);
      views.shown(t);
    } else {
      blocks.hidden(t);
      views.hidden(t);
    }
  };
  const onScroll = () => views.scrolled();

  blocks.start();
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('popstate', views.tick);
  navigationOf(win)?.addEventListener('navigatesuccess', views.tick);
  views.start();
  gate.start();
  const interval = config.dwellMs === null ? undefined : setInterval(views.tick, TICK_MS);

  return {
    seen:
      config.glimpseMs > 0
        ? () => blocks.buffer.snapshot(now()).filter(recent(now(), config.glimpseMs))
        : undefined,
    stop() {
      gate.stop();
      blocks.stop();
      doc.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('popstate', views.tick);
      navigationOf(win)?.removeEventListener('navigatesuccess', views.tick);
      if (interval !== undefined) clearInterval(interval);
      timers.clear();
      views.stop();
    },
  };
}

/** Blocks seen within the glimpse window (the buffer may keep longer for automatic capture). */
const recent =
  (t: number, windowMs: number) =>
  (block: SeenBlock): boolean =>
    block.lastSeenAt >= t - windowMs;
