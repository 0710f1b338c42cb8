/**
 * Which text blocks of a page are on screen, fed into the glimpse buffer: an IntersectionObserver
 * over the page's text blocks (blocks.ts), kept in step with the page by a batched
 * MutationObserver that scans only the subtrees added (the whole page past a limit) and drops the
 * blocks removed, so a long-lived single-page app stays bounded.
 */
import { blockText, contentBlocksUnder, isOnScreen, MAX_BLOCKS } from './blocks';
import { ELEMENT_NODE } from './dom';
import { GlimpseBuffer, MIN_ON_SCREEN_MS } from './glimpse-buffer';
import type { Timers } from './timers';

const THRESHOLDS = [0, 0.25, 0.5, 0.75, 1];
const RESCAN_MS = 500;
/** Past this many added subtrees in one batch, the whole page is scanned once instead. */
const MAX_ADDED_ROOTS = 200;

export class BlockWatch {
  readonly buffer: GlimpseBuffer<Element>;
  /** Blocks on screen now, whether or not the tab is visible. */
  private readonly onScreen = new Set<Element>();
  /** Blocks observed now. */
  private readonly observed = new Set<Element>();
  private readonly io: IntersectionObserver;
  private readonly mutations: MutationObserver;
  /** Not recording: the page is not fully allowed now (page-gate.ts). */
  private paused = false;
  /** The mutation batch waiting for its scan. */
  private readonly added = new Set<Element>();
  private removed = false;
  private flushPending = false;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    windowMs: number,
    private readonly now: () => number,
    private readonly timers: Timers,
  ) {
    this.buffer = new GlimpseBuffer<Element>(blockText, { windowMs });
    this.io = new IntersectionObserver((entries) => this.onIntersections(entries), {
      threshold: THRESHOLDS,
    });
    this.mutations = new MutationObserver((records) => this.onMutations(records));
  }

  start(): void {
    this.scan();
    const root = this.doc.body ?? this.doc.documentElement;
    if (root) this.mutations.observe(root, { childList: true, subtree: true });
  }

  /** Observe every text block of the page (a new view of a single-page app). */
  scan(): void {
    const root = this.doc.body ?? this.doc.documentElement;
    if (root) this.scanUnder(root);
  }

  /** The tab became visible: what is on screen starts counting. */
  shown(t: number): void {
    for (const el of this.onScreen) this.enter(el, t);
  }

  /** Stop recording (the page is not fully allowed now); `forget`: empty the buffer too. */
  pause(forget: boolean): void {
    this.paused = true;
    this.buffer.pause();
    if (forget) this.buffer.clear();
  }

  /** Record again: what is on screen now starts counting from `t`. */
  resume(t: number): void {
    this.paused = false;
    this.buffer.resume();
    if (this.visible()) this.shown(t);
  }

  /** The tab was hidden: nothing counts as seen meanwhile. */
  hidden(t: number): void {
    this.buffer.leaveAll(t);
  }

  stop(): void {
    this.io.disconnect();
    this.mutations.disconnect();
    this.buffer.clear();
    this.onScreen.clear();
    this.observed.clear();
    this.added.clear();
  }

  private visible(): boolean {
    return this.doc.visibilityState === 'visible';
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    const t = this.now();
    for (const entry of entries) {
      const el = entry.target;
      const viewport = entry.rootBounds?.height ?? this.win.innerHeight;
      const on =
        entry.isIntersecting &&
        isOnScreen(entry.intersectionRect.height, entry.boundingClientRect.height, viewport);
      if (on) {
        this.onScreen.add(el);
        if (this.visible()) this.enter(el, t);
      } else {
        this.onScreen.delete(el);
        this.buffer.leave(el, t);
      }
    }
  }

  private enter(el: Element, t: number): void {
    if (this.paused) return;
    this.buffer.enter(el, t);
    this.timers.later(() => this.buffer.settle(el, this.now()), MIN_ON_SCREEN_MS + 50);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.removedNodes.length > 0) this.removed = true;
      if (this.added.size > MAX_ADDED_ROOTS) continue;
      for (const node of record.addedNodes) {
        if (node.nodeType === ELEMENT_NODE) this.added.add(node as Element);
      }
    }
    if (this.flushPending) return;
    this.flushPending = true;
    this.timers.later(() => this.flush(), RESCAN_MS);
  }

  private flush(): void {
    this.flushPending = false;
    if (this.removed) this.prune();
    this.removed = false;
    if (this.added.size > MAX_ADDED_ROOTS) this.scan();
    else for (const root of this.added) if (root.isConnected) this.scanUnder(root);
    this.added.clear();
  }

  private observe(el: Element): void {
    if (this.observed.has(el) || this.observed.size >= MAX_BLOCKS) return;
    this.observed.add(el);
    this.io.observe(el);
  }

  private scanUnder(root: Element): void {
    for (const el of contentBlocksUnder(root, this.win)) this.observe(el);
  }

  /** Forget the blocks that left the page. */
  private prune(): void {
    const t = this.now();
    for (const el of this.observed) {
      if (el.isConnected) continue;
      this.io.unobserve(el);
      this.observed.delete(el);
      this.onScreen.delete(el);
      this.buffer.leave(el, t);
    }
  }
}
