/**
 * The state of each model, written to the `models` table so every page (popup, side panel) shows
 * it live. Byte progress is throttled: a download reports hundreds of times a second.
 */
import type { ProgressInfo } from '@huggingface/transformers';
import { db, type ModelRow } from '../../shared/db';
import { writeModelState } from '../../shared/store/models';
import type { ModelProgress } from '../downloads/download-progress';

const WRITE_EVERY_MS = 250;

export class ModelState {
  state: ModelRow['state'] = 'idle';
  error: string | undefined;
  private loaded = 0;
  private total = 0;
  private etaSeconds: number | undefined;
  private trailing: ReturnType<typeof setTimeout> | undefined;
  private lastWrite = 0;

  constructor(
    readonly id: string,
    readonly task: ModelRow['task'],
  ) {}

  async set(state: ModelRow['state'], error?: string): Promise<void> {
    this.state = state;
    this.error = error;
    await this.write();
  }

  /** A transformers.js progress callback (loading packaged files). */
  readonly onProgress = (info: ProgressInfo): void => {
    if (info.status !== 'progress_total') return;
    this.progress(info.loaded, info.total, undefined);
  };

  /** Progress of the model store's download of this model. */
  readonly onDownload = (download: ModelProgress): void => {
    this.progress(download.loaded, download.total, download.etaSeconds);
  };

  private progress(loaded: number, total: number, etaSeconds: number | undefined): void {
    this.loaded = loaded;
    this.total = total;
    this.etaSeconds = etaSeconds;
    const now = Date.now();
    if (now - this.lastWrite < WRITE_EVERY_MS) {
      // Held back, not dropped: a download that stalls now must still show where it stopped.
      this.trailing ??= setTimeout(() => {
        this.trailing = undefined;
        this.lastWrite = Date.now();
        void this.write().catch(() => undefined);
      }, WRITE_EVERY_MS);
      return;
    }
    this.lastWrite = now;
    void this.write().catch(() => undefined); // Progress is advisory; the final state is awaited.
  }

  /** "Loading the language model… 40%" for the chat's progress line. */
  describe(what: string): string {
    if (this.state === 'failed')
      return `The ${what} is unavailable: ${this.error ?? 'unknown error'}`;
    if (this.state !== 'loading') return `The ${what} is ${this.state}.`;
    const percent = this.total > 0 ? Math.floor((100 * this.loaded) / this.total) : 0;
    const left = this.etaSeconds === undefined ? '' : `, ${timeLeft(this.etaSeconds)} left`;
    return percent > 0 ? `Loading the ${what}… ${percent}%${left}` : `Loading the ${what}…`;
  }

  private async write(): Promise<void> {
    await writeModelState(db(), {
      id: this.id,
      task: this.task,
      state: this.state,
      loaded: this.loaded,
      total: this.total,
      ...(this.etaSeconds === undefined ? {} : { etaSeconds: this.etaSeconds }),
      ...(this.error ? { error: this.error } : {}),
      updatedAt: Date.now(),
    });
  }
}

const timeLeft = (seconds: number): string =>
  seconds < 90 ? `${Math.max(1, Math.round(seconds))} s` : `${Math.round(seconds / 60)} min`;
