/**
 * Load a model once and share the load among callers; unload it after a period of no use (it
 * reloads on the next use, from the cache); after a failure allow a fresh attempt after a short
 * pause that grows with each failure (a dropped network should not become a retry storm), or at
 * once when the network comes back or the user asks (`retryNow`). A load refused because model
 * downloads wait for the user's go-ahead leaves the model `not-downloaded`, not failed.
 */
import { downloadFailureOf } from '../downloads/model-download-error';
import { loadFailureOf } from './load-error';
import type { ModelState } from './model-state';

/** The pause before the n-th retry: 5 s, 10 s, 20 s, 40 s, then every 60 s. */
export const retryDelayMs = (failures: number): number =>
  failures <= 0 ? 0 : Math.min(60_000, 5_000 * 2 ** (failures - 1));

export interface LazyModelOptions<T> {
  /** Frees what a loaded value holds (ONNX sessions); called when the model unloads. */
  dispose?: (value: T) => Promise<void>;
  /** Unload after this long without use; 0 or unset keeps the model loaded. */
  idleMs?: number;
  now?: () => number;
}

export class LazyModel<T> {
  private loading: Promise<T> | undefined;
  private value: T | undefined;
  private failures = 0;
  private failedAt = 0;
  private inUse = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private idleMs: number;
  private readonly now: () => number;

  constructor(
    readonly status: ModelState,
    private readonly loader: (state: ModelState) => Promise<T>,
    private readonly options: LazyModelOptions<T> = {},
  ) {
    this.idleMs = options.idleMs ?? 0;
    this.now = options.now ?? Date.now;
  }

  get ready(): T | undefined {
    return this.value;
  }

  /** Change the idle period (a settings change); restarts the countdown. */
  setIdleMs(ms: number): void {
    this.idleMs = ms;
    this.armIdleTimer();
  }

  /** Forget the last failure: the next load tries at once (the network is back, or Try again). */
  retryNow(): void {
    this.failures = 0;
    this.failedAt = 0;
  }

  load(): Promise<T> {
    if (this.value !== undefined) {
      this.armIdleTimer();
      return Promise.resolve(this.value);
    }
    if (this.loading) return this.loading;
    if (this.failures > 0 && this.now() - this.failedAt < retryDelayMs(this.failures)) {
      return Promise.reject(new Error(this.status.error ?? 'The model failed to load.'));
    }
    this.loading = (async () => {
      await this.status.set('loading');
      try {
        this.value = await this.loader(this.status);
        this.failures = 0;
        await this.status.set('ready');
        this.armIdleTimer();
        return this.value;
      } catch (error) {
        if (downloadFailureOf(error)?.kind === 'not-allowed') {
          // Not a failure: the files wait for the user's go-ahead (issue 10). No back-off, so the
          // load after "Download" starts at once.
          await this.status.set('not-downloaded');
          throw error;
        }
        this.failures++;
        this.failedAt = this.now();
        await this.status.set('failed', loadFailureOf(error));
        throw error;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** Run `work` with the loaded model; the model is not unloaded while any work runs. */
  async use<R>(work: (value: T) => Promise<R>): Promise<R> {
    const value = await this.load();
    this.inUse++;
    this.disarmIdleTimer();
    try {
      return await work(value);
    } finally {
      this.inUse--;
      this.armIdleTimer();
    }
  }

  /** Free the model now unless it is loading or in use; true when it was unloaded. */
  async unload(): Promise<boolean> {
    this.disarmIdleTimer();
    const value = this.value;
    if (value === undefined || this.loading || this.inUse > 0) return false;
    this.value = undefined;
    await this.status.set('idle');
    await this.options.dispose?.(value).catch((error: unknown) => {
      console.warn(`Engram: unloading ${this.status.id}:`, error);
    });
    return true;
  }

  private armIdleTimer(): void {
    this.disarmIdleTimer();
    if (!(this.idleMs > 0) || this.value === undefined || this.inUse > 0) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      void this.unload();
    }, this.idleMs);
  }

  private disarmIdleTimer(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}
