/**
 * Load a model once, share the load among callers, and after a failure allow a fresh attempt
 * only after a pause (a dropped network should not become a retry storm).
 */
import { describeLoadError } from './load-error';
import type { ModelState } from './model-state';

const RETRY_AFTER_MS = 60_000;

export class LazyModel<T> {
  private loading: Promise<T> | undefined;
  private value: T | undefined;
  private failedAt = 0;

  constructor(
    readonly status: ModelState,
    private readonly loader: (state: ModelState) => Promise<T>,
  ) {}

  get ready(): T | undefined {
    return this.value;
  }

  load(): Promise<T> {
    if (this.value !== undefined) return Promise.resolve(this.value);
    if (this.loading) return this.loading;
    if (this.failedAt && Date.now() - this.failedAt < RETRY_AFTER_MS) {
      return Promise.reject(new Error(this.status.error ?? 'The model failed to load.'));
    }
    this.loading = (async () => {
      await this.status.set('loading');
      try {
        this.value = await this.loader(this.status);
        await this.status.set('ready');
        return this.value;
      } catch (error) {
        this.failedAt = Date.now();
        await this.status.set('failed', describeLoadError(error));
        throw error;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
