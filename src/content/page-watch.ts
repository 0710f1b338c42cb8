/**
 * The page watcher, where Engram has host access (the service worker registers content.js for
 * the origins granted; see background/watch.ts). It asks the background whether this page may be
 * watched (host access, pause, incognito, site rules), runs the privacy gate in the page before
 * reading a word, then:
 * - keeps the glimpse buffer (glimpse-buffer.ts): blocks on screen for a second or more;
 * - with automatic capture on, saves the page once it is read (read-tracker.ts), with the blocks
 *   read marked, and treats a single-page app's change of address as a new page.
 * Everything stops on `content/watch-stop` (capture turned off, host access revoked).
 */
import type { SiteRule } from '../core/privacy/site-policy';
import type { SeenBlock, WatchConfig } from '../shared/protocol';
import { blockText, isOnScreen, isTextBlock, MAX_BLOCKS, textBlocks } from './blocks';
import { ELEMENT_NODE } from './dom';
import { GlimpseBuffer, MIN_ON_SCREEN_MS } from './glimpse-buffer';
import { ReadTracker } from './read-tracker';

/** What the watcher needs from the rest of the content script. */
export interface WatchDeps {
  doc: Document;
  win: Window;
  /** Save the page as read (automatic capture), with the blocks read in this page view. */
  saveRead(rules: readonly SiteRule[], read: string[]): Promise<void>;
  now?: () => number;
}

export interface Watcher {
  /** The buffer's blocks, for a glimpse; undefined when the buffer is off. */
  seen: (() => SeenBlock[]) | undefined;
  stop(): void;
}

const THRESHOLDS = [0, 0.25, 0.5, 0.75, 1];
/** How often a page being read is checked, and the address compared (single-page apps). */
const TICK_MS = 500;
/** After a single-page app changes address, its new content gets this long to render. */
const ROUTE_SETTLE_MS = 500;
const RESCAN_MS = 500;
/** A failed automatic save is tried this many times in a page view, this far apart. */
const SAVE_TRIES = 3;
const SAVE_RETRY_MS = 30_000;
/** Past this many added subtrees in one batch, the whole page is scanned once instead. */
const MAX_ADDED_ROOTS = 200;

const addressOf = (href: string): string => href.replace(/#.*$/, '');

export function watchPage(config: Extract<WatchConfig, { watch: true }>, deps: WatchDeps): Watcher {
  const { doc, win } = deps;
  const now = deps.now ?? (() => Date.now());
  // The buffer also serves automatic capture (the read parts), so it runs for either.
  const windowMs = Math.max(config.glimpseMs, config.dwellMs === null ? 0 : 60 * 60_000);
  const buffer = new GlimpseBuffer<Element>(blockText, { windowMs });
  const onScreen = new Set<Element>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (fn: () => void, ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const visible = () => doc.visibilityState === 'visible';

  const io = new IntersectionObserver(
    (entries) => {
      const t = now();
      for (const entry of entries) {
        const el = entry.target;
        const viewport = entry.rootBounds?.height ?? win.innerHeight;
        const on =
          entry.isIntersecting &&
          isOnScreen(entry.intersectionRect.height, entry.boundingClientRect.height, viewport);
        if (on) {
          onScreen.add(el);
          if (visible()) {
            buffer.enter(el, t);
            later(() => buffer.settle(el, now()), MIN_ON_SCREEN_MS + 50);
          }
        } else {
          onScreen.delete(el);
          buffer.leave(el, t);
        }
      }
    },
    { threshold: THRESHOLDS },
  );

  // Blocks observed now; removed ones are dropped, so a long-lived single-page app stays bounded.
  const observed = new Set<Element>();
  const observe = (el: Element) => {
    if (observed.has(el) || observed.size >= MAX_BLOCKS) return;
    observed.add(el);
    io.observe(el);
  };
  const scanUnder = (root: Element) => {
    if (isTextBlock(root)) observe(root);
    for (const el of textBlocks(root)) observe(el);
  };
  const scan = () => {
    const root = doc.body ?? doc.documentElement;
    if (root) scanUnder(root);
  };
  const prune = () => {
    const t = now();
    for (const el of observed) {
      if (el.isConnected) continue;
      io.unobserve(el);
      observed.delete(el);
      onScreen.delete(el);
      buffer.leave(el, t);
    }
  };

  // Mutations are batched: only the subtrees added are scanned (the whole page past a limit).
  const added = new Set<Element>();
  let removed = false;
  let flushPending = false;
  const flush = () => {
    flushPending = false;
    if (removed) prune();
    removed = false;
    if (added.size > MAX_ADDED_ROOTS) scan();
    else for (const root of added) if (root.isConnected) scanUnder(root);
    added.clear();
  };
  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (record.removedNodes.length > 0) removed = true;
      if (added.size > MAX_ADDED_ROOTS) continue;
      for (const node of record.addedNodes) {
        if (node.nodeType === ELEMENT_NODE) added.add(node as Element);
      }
    }
    if (flushPending) return;
    flushPending = true;
    later(flush, RESCAN_MS);
  });

  // Automatic capture: one save per page view; a new address in a single-page app is a new view.
  const dwellMs = config.dwellMs;
  let tracker = dwellMs === null ? undefined : new ReadTracker(dwellMs);
  let viewStart = now();
  let saved = false;
  let saving = false;
  // A save that failed (the worker restarting, storage busy) is tried again a little later.
  let failures = 0;
  let retryAt = 0;
  let address = addressOf(win.location.href);
  let lastScrollY = win.scrollY;

  const onVisibility = () => {
    const t = now();
    if (visible()) {
      for (const el of onScreen) buffer.enter(el, t);
      tracker?.show(t);
    } else {
      buffer.leaveAll(t);
      tracker?.hide(t);
    }
  };
  const onScroll = () => {
    tracker?.scrolled(win.scrollY - lastScrollY);
    lastScrollY = win.scrollY;
  };

  const newView = () => {
    address = addressOf(win.location.href);
    saved = false;
    failures = 0;
    retryAt = 0;
    if (dwellMs === null) return;
    // The old route's words are not the new page's: read time and read parts start again.
    later(() => {
      viewStart = now();
      tracker = new ReadTracker(dwellMs);
      if (visible()) tracker.show(viewStart);
      scan();
    }, ROUTE_SETTLE_MS);
    tracker = undefined;
  };

  const tick = () => {
    if (addressOf(win.location.href) !== address) newView();
    const t = now();
    if (!tracker || saved || saving || t < retryAt) return;
    if (!visible() || !tracker.isRead(t, win.innerHeight)) return;
    saving = true;
    const read = buffer
      .snapshot(t)
      .filter((block) => block.lastSeenAt >= viewStart)
      .map((block) => block.text);
    deps
      .saveRead(config.siteRules, read)
      .then(() => {
        saved = true;
      })
      .catch(() => {
        // Refused (paused, turned off, a rule) or failed: a few more tries in this view, then
        // only on the next page view. A refusal refuses again; a passing failure gets through.
        failures += 1;
        if (failures >= SAVE_TRIES) saved = true;
        else retryAt = now() + SAVE_RETRY_MS;
      })
      .finally(() => {
        saving = false;
      });
  };

  scan();
  const root = doc.body ?? doc.documentElement;
  if (root) mutations.observe(root, { childList: true, subtree: true });
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('popstate', tick);
  navigationOf(win)?.addEventListener('navigatesuccess', tick);
  if (visible()) tracker?.show(viewStart);
  const interval = dwellMs === null ? undefined : setInterval(tick, TICK_MS);

  return {
    seen:
      config.glimpseMs > 0
        ? () => buffer.snapshot(now()).filter(recent(now(), config.glimpseMs))
        : undefined,
    stop() {
      io.disconnect();
      mutations.disconnect();
      doc.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('popstate', tick);
      navigationOf(win)?.removeEventListener('navigatesuccess', tick);
      if (interval !== undefined) clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      buffer.clear();
      onScreen.clear();
      observed.clear();
      added.clear();
      tracker = undefined;
    },
  };
}

/** Blocks seen within the glimpse window (the buffer may keep longer for automatic capture). */
const recent =
  (t: number, windowMs: number) =>
  (block: SeenBlock): boolean =>
    block.lastSeenAt >= t - windowMs;

/**
 * The Navigation API (Chrome 102+) reports a single-page app's `pushState` at once; the regular
 * address check catches it elsewhere. Not in TypeScript's DOM types yet, hence the shape here.
 */
function navigationOf(win: Window): EventTarget | undefined {
  const navigation = (win as Window & { navigation?: unknown }).navigation;
  return navigation instanceof EventTarget ? navigation : undefined;
}
