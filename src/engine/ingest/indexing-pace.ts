/**
 * How fast indexing may go so the browser never feels slow. Jobs run one at a time (one
 * embedding batch at a time, ONNX Runtime keeping a core free), and:
 * - a fresh capture (queued in the last minute) runs at once: what the user just saved must
 *   become searchable promptly;
 * - bulk work (old queued jobs after a restart, backfill, re-embedding) waits while the user is
 *   active (chrome.idle, relayed by the service worker), but never starves: one bulk step is let
 *   through every `trickleMs` even then;
 * - fresh work that arrives while bulk work waits goes first.
 * It also counts the work of a run for "Indexing 3 of 12", and its pace: the sources finished in
 * the last minute (over the time the run has gone on, when that is shorter), a minute.
 */
import type { IndexingProgress } from '../../shared/engine-info';

const PACE_WINDOW_MS = 60_000;

export interface PaceOptions {
  /** A job queued this recently is a fresh capture, not bulk work. */
  freshMs?: number;
  /** While the user is active, one bulk step at most this often. */
  trickleMs?: number;
  now?: () => number;
}

export class IndexingPace {
  /**
   * Until the service worker says otherwise, the user may be at the keyboard: bulk work found at
   * start must not race ahead of the first answer about chrome.idle.
   */
  private userActive = true;
  private done = 0;
  private total = 0;
  private waiting = false;
  /** When the run began, and when each of its sources finished in the last minute. */
  private startedAt: number | undefined;
  private finishedAt: number[] = [];
  private lastBulkAt = Number.NEGATIVE_INFINITY;
  /** Ends the current wait early: the user went idle, or fresh work arrived. */
  private wake: (() => void) | undefined;
  private nudged = false;
  private readonly freshMs: number;
  private readonly trickleMs: number;
  private readonly now: () => number;

  constructor(options: PaceOptions = {}) {
    this.freshMs = options.freshMs ?? 60_000;
    this.trickleMs = options.trickleMs ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  setUserActive(active: boolean): void {
    this.userActive = active;
    if (!active) this.wake?.();
  }

  isFresh(createdAt: number): boolean {
    return this.now() - createdAt < this.freshMs;
  }

  /** Fresh jobs first (oldest of them first), then the rest in their order. */
  order<T extends { createdAt: number }>(jobs: readonly T[]): T[] {
    return [
      ...jobs.filter((j) => this.isFresh(j.createdAt)),
      ...jobs.filter((j) => !this.isFresh(j.createdAt)),
    ];
  }

  /** A pass over the queue found `remaining` jobs still to do. */
  plan(remaining: number): void {
    this.startedAt ??= this.now();
    this.total = this.done + remaining;
  }

  /** New work arrived: a bulk step that waits gives way (`turn` resolves false). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /**
   * Wait until a job created at `createdAt` (undefined: bulk work such as backfill) may run.
   * False when it should give way to newly arrived work: take the queue again.
   */
  async turn(createdAt?: number): Promise<boolean> {
    if (createdAt !== undefined && this.isFresh(createdAt)) return true;
    this.nudged = false;
    while (this.userActive) {
      const wait = this.lastBulkAt + this.trickleMs - this.now();
      if (wait <= 0) break;
      this.waiting = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, wait);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = undefined;
      this.waiting = false;
      if (this.nudged) {
        this.nudged = false;
        return false;
      }
    }
    this.lastBulkAt = this.now();
    return true;
  }

  finished(count = 1): void {
    const now = this.now();
    this.startedAt ??= now;
    for (let i = 0; i < count; i++) this.finishedAt.push(now);
    this.done += count;
    this.total = Math.max(this.total, this.done);
  }

  /** The run is over: the next one counts from zero. */
  reset(): void {
    this.done = 0;
    this.total = 0;
    this.startedAt = undefined;
    this.finishedAt = [];
  }

  get progress(): IndexingProgress {
    const progress = { done: this.done, total: this.total, waiting: this.waiting };
    const perMinute = this.perMinute();
    return perMinute === undefined ? progress : { ...progress, perMinute };
  }

  /** Sources a minute: those of the last minute, over the run's time when it is younger. */
  private perMinute(): number | undefined {
    const now = this.now();
    this.finishedAt = this.finishedAt.filter((at) => now - at < PACE_WINDOW_MS);
    if (this.finishedAt.length === 0 || this.startedAt === undefined) return undefined;
    // At least a second: the first source of a run is not "3,000 a minute".
    const span = Math.max(1_000, Math.min(PACE_WINDOW_MS, now - this.startedAt));
    return Math.round((this.finishedAt.length * PACE_WINDOW_MS) / span);
  }
}
