/**
 * Download progress per model, summed over the files of that model this session has downloaded,
 * with the speed and the time left from a moving average. Reports are throttled (a fast network
 * reads hundreds of times a second) except when a file starts, fails or finishes.
 */
import { TransferRate } from '../../core/download/transfer-rate';
import type { ModelFileRef } from './model-url';

export interface ModelProgress {
  model: string;
  /** The file that moved last. */
  file: string;
  /** Bytes stored, counting parts kept from an earlier, interrupted download. */
  loaded: number;
  /** Bytes expected, over the files whose size is known so far. */
  total: number;
  /** 0–100, rounded down: 100 only when every file is in. */
  percent: number;
  bytesPerSecond: number;
  /** Undefined until a speed is known. */
  etaSeconds: number | undefined;
  /** Every file this session started for the model is downloaded and verified. */
  done: boolean;
}

export type ProgressListener = (progress: ModelProgress) => void;

interface FileProgress {
  loaded: number;
  total: number;
  /** False until the host said how big the file is (its first response). */
  sized: boolean;
  done: boolean;
}

interface ModelEntry {
  files: Map<string, FileProgress>;
  rate: TransferRate;
  reportedAt: number;
  /** A report held back by the throttle, sent when the interval ends: a stalled download must
   * still show the last bytes that arrived. */
  trailing?: ReturnType<typeof setTimeout>;
}

export class DownloadProgress {
  private readonly models = new Map<string, ModelEntry>();

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly intervalMs = 200,
    private readonly now: () => number = Date.now,
  ) {}

  /** A file starts or resumes with `loaded` bytes already stored. */
  start(ref: ModelFileRef, loaded: number, total: number | null): void {
    const entry = this.entry(ref.model);
    entry.files.set(ref.file, {
      loaded,
      total: total ?? loaded,
      sized: total !== null,
      done: false,
    });
    entry.rate.pause();
    this.report(ref, true);
  }

  size(ref: ModelFileRef, total: number): void {
    const file = this.entry(ref.model).files.get(ref.file);
    if (file) {
      file.total = total;
      file.sized = true;
    }
  }

  /** New bytes read from the network. */
  advance(ref: ModelFileRef, bytes: number): void {
    const entry = this.entry(ref.model);
    const file = entry.files.get(ref.file);
    if (!file) return;
    file.loaded += bytes;
    file.total = Math.max(file.total, file.loaded);
    entry.rate.add(bytes, this.now());
    this.report(ref, false);
  }

  /** Bytes read but not stored (a dropped connection, a discarded corrupt file). */
  rewind(ref: ModelFileRef, loaded: number): void {
    const entry = this.entry(ref.model);
    const file = entry.files.get(ref.file);
    if (file) file.loaded = loaded;
    entry.rate.pause();
    this.report(ref, true);
  }

  finish(ref: ModelFileRef): void {
    const file = this.entry(ref.model).files.get(ref.file);
    if (!file) return;
    file.total = file.loaded;
    file.done = true;
    this.report(ref, true);
  }

  forget(model: string): void {
    this.models.delete(model);
  }

  private entry(model: string): ModelEntry {
    let entry = this.models.get(model);
    if (!entry) {
      entry = { files: new Map(), rate: new TransferRate(), reportedAt: -Infinity };
      this.models.set(model, entry);
    }
    return entry;
  }

  private report(ref: ModelFileRef, force: boolean): void {
    if (!this.listener) return;
    const entry = this.entry(ref.model);
    const now = this.now();
    if (!force && now - entry.reportedAt < this.intervalMs) {
      entry.trailing ??= setTimeout(() => {
        entry.trailing = undefined;
        this.report(ref, true);
      }, this.intervalMs);
      return;
    }
    if (entry.trailing !== undefined) clearTimeout(entry.trailing);
    entry.trailing = undefined;
    entry.reportedAt = now;
    let loaded = 0;
    let total = 0;
    let done = true;
    for (const file of entry.files.values()) {
      loaded += file.loaded;
      // A file of unknown size has at least one byte to come: without it, a model whose other
      // files are in would read as complete ("starting…") until the host answers.
      total += file.sized || file.done ? file.total : Math.max(file.total, file.loaded + 1);
      done &&= file.done;
    }
    const percent = total > 0 ? Math.floor((100 * loaded) / total) : 0;
    this.listener({
      model: ref.model,
      file: ref.file,
      loaded,
      total,
      percent: done ? 100 : Math.min(percent, 99),
      bytesPerSecond: entry.rate.bytesPerSecond,
      etaSeconds: done ? 0 : entry.rate.secondsFor(total - loaded),
      done,
    });
  }
}
