/**
 * The state of each model, written to the `models` table so every page (popup, side panel) shows
 * it live. Byte progress is throttled: a download reports hundreds of times a second.
 */
import type { ProgressInfo } from '@huggingface/transformers';
import { db, type ModelRow } from '../../shared/db';
import { writeModelState } from '../../shared/store/models';
import { tIn, type TextLanguage } from '../../shared/i18n-in';
import type { ModelProgress } from '../downloads/download-progress';
import { describeLoadFailure, loadFailureCause, type LoadFailure } from './load-error';

const WRITE_EVERY_MS = 250;

export class ModelState {
  state: ModelRow['state'] = 'idle';
  failure: LoadFailure | undefined;
  private loaded = 0;
  private total = 0;
  private etaSeconds: number | undefined;
  private trailing: ReturnType<typeof setTimeout> | undefined;
  private lastWrite = 0;

  constructor(
    readonly id: string,
    readonly task: ModelRow['task'],
  ) {}

  async set(state: ModelRow['state'], failure?: LoadFailure): Promise<void> {
    this.state = state;
    this.failure = failure;
    await this.write();
  }

  /** Why the model failed, in English words: what the row's `error` held before `errorCode`. */
  get error(): string | undefined {
    return this.failure && describeLoadFailure(this.failure);
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

  /** "Loading the language model… 40%" for the answer's progress line, in the answer's language. */
  describe(what: 'embed' | 'generate', language: TextLanguage): string {
    const model = tIn(language, what === 'embed' ? 'answerEmbeddingModel' : 'answerLanguageModel');
    if (this.state === 'failed') {
      const reason = this.failure
        ? loadFailureCause(this.failure, language)
        : tIn(language, 'modelFailedUnknown');
      return tIn(language, 'answerModelUnavailable', model, reason);
    }
    if (this.state !== 'loading') return tIn(language, 'answerModelWaiting', model);
    const percent = this.total > 0 ? Math.floor((100 * this.loaded) / this.total) : 0;
    if (percent <= 0) return tIn(language, 'answerModelLoading', model);
    if (this.etaSeconds === undefined) {
      return tIn(language, 'answerModelLoadingPercent', model, percent);
    }
    return tIn(
      language,
      'answerModelLoadingLeft',
      model,
      percent,
      timeLeft(this.etaSeconds, language),
    );
  }

  private async write(): Promise<void> {
    await writeModelState(db(), {
      id: this.id,
      task: this.task,
      state: this.state,
      loaded: this.loaded,
      total: this.total,
      ...(this.etaSeconds === undefined ? {} : { etaSeconds: this.etaSeconds }),
      ...(this.failure
        ? {
            error: describeLoadFailure(this.failure),
            errorCode: this.failure.code,
            errorDetail: this.failure.detail,
          }
        : {}),
      updatedAt: Date.now(),
    });
  }
}

const timeLeft = (seconds: number, language: TextLanguage): string =>
  seconds < 90
    ? tIn(language, 'answerSeconds', Math.max(1, Math.round(seconds)))
    : tIn(language, 'answerMinutes', Math.round(seconds / 60));
