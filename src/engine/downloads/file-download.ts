/**
 * Downloads one model file into Cache Storage with HTTP Range requests, a chunk at a time, storing
 * each chunk as it completes: a dropped connection or a browser restart resumes from the last
 * stored chunk. The whole file is then checked (size, and SHA-256 when the host or the caller
 * vouches for one); a bad file is thrown away and fetched once more. A host that ignores Range
 * gets one plain request, still stored chunk by chunk, with progress, but no resume.
 */
import { rechunk } from '../../core/download/rechunk';
import { Sha256 } from '../../core/download/sha256';
import { emptyRecord, type CachedFiles, type FileRecord } from './cached-files';
import type { DownloadProgress } from './download-progress';
import {
  contentRangeOf,
  discard,
  IdleAbort,
  lengthOf,
  piecesOf,
  sha256Of,
  type Bytes,
} from './host-response';
import {
  diskFull,
  downloadFailureOf,
  httpFailure,
  ModelDownloadError,
  unreachable,
} from './model-download-error';
import type { ModelFileRef } from './model-url';

/** What a file must be, when known better than the host's headers say (a pinned hash). */
export interface Integrity {
  size?: number;
  sha256?: string;
}

export interface DownloadSettings {
  files: CachedFiles;
  progress: DownloadProgress;
  /** The real network: never `env.fetch` itself, which is the store. */
  network: (url: string, init: RequestInit) => Promise<Response>;
  chunkSize: number;
  /** Attempts after a connection drops mid-way (a host that never answered fails at once). */
  retries: number;
  retryDelayMs: number;
  /** A request that receives nothing for this long is dropped (and resumed, as a cut one). */
  idleTimeoutMs: number;
  /** The caller's request headers (transformers.js sends a User-Agent and a token in Node). */
  headers?: HeadersInit | undefined;
  expected?: Integrity | undefined;
  /** Bytes the browser will still store, when it can tell. */
  freeSpace?: (() => Promise<number | undefined>) | undefined;
}

export function downloadFile(ref: ModelFileRef, settings: DownloadSettings): Promise<FileRecord> {
  return new FileDownload(ref, settings).run();
}

class FileDownload {
  private record: FileRecord;
  /** The host answered at least once: a failure after that is a drop worth retrying. */
  private answered = false;
  private useRange = true;
  private spaceChecked = false;
  private failures = 0;
  private changes = 0;
  private idle: IdleAbort | undefined;

  constructor(
    private readonly ref: ModelFileRef,
    private readonly settings: DownloadSettings,
  ) {
    this.record = emptyRecord(this.ref, this.settings.chunkSize);
  }

  async run(): Promise<FileRecord> {
    const stored = await this.settings.files.read(this.ref.url);
    if (stored?.complete) return stored;
    if (stored) this.record = stored;
    for (let pass = 1; ; pass++) {
      this.settings.progress.start(this.ref, this.record.bytes, this.record.size);
      await this.fetchMissing();
      const problem = this.problem();
      if (problem === undefined) {
        await this.save({ ...this.record, complete: true });
        this.settings.progress.finish(this.ref);
        return this.record;
      }
      await this.restart();
      if (pass === 2) {
        throw new ModelDownloadError(
          'corrupt',
          this.ref.url,
          `${this.ref.file} of ${this.ref.model} arrived corrupt twice (${problem})`,
        );
      }
    }
  }

  private whole(): boolean {
    return this.record.size !== null && this.record.bytes >= this.record.size;
  }

  private problem(): string | undefined {
    const { record } = this;
    const size = this.settings.expected?.size ?? record.size;
    if (size !== null && record.bytes !== size) return `${record.bytes} bytes instead of ${size}`;
    const sha256 = this.settings.expected?.sha256?.toLowerCase() ?? record.sha256;
    const actual = Sha256.restore(record.hash).hex();
    if (sha256 && actual !== sha256) return `SHA-256 ${actual} instead of ${sha256}`;
    return undefined;
  }

  private async fetchMissing(): Promise<void> {
    while (!this.whole()) {
      try {
        await this.fetchNext();
      } catch (error) {
        const failure = downloadFailureOf(error, this.ref.url);
        if (!failure) throw error;
        this.settings.progress.rewind(this.ref, this.record.bytes);
        const { retries, retryDelayMs } = this.settings;
        if (failure.kind !== 'unreachable' || !this.answered || this.failures >= retries) {
          throw failure;
        }
        this.failures++;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * this.failures));
      }
    }
  }

  private async fetchNext(): Promise<void> {
    const offset = this.record.bytes;
    const headers = new Headers(this.settings.headers);
    headers.delete('range');
    if (this.useRange) {
      headers.set('range', `bytes=${offset}-${offset + this.record.chunkSize - 1}`);
    }
    const idle = (this.idle = new IdleAbort(this.settings.idleTimeoutMs));
    try {
      let response: Response;
      try {
        // no-store: the HTTP cache would otherwise keep a second copy of every chunk.
        const init = { headers, cache: 'no-store' as const, signal: idle.signal };
        response = await this.settings.network(this.ref.url, init);
      } catch (error) {
        throw unreachable(this.ref.url, error);
      }
      this.answered = true;
      if (response.status === 206) return await this.receiveRange(response, offset);
      if (response.status === 200) return await this.receiveWhole(response);
      await discard(response);
      if (response.status === 416) return await this.rangeRefused(offset);
      throw httpFailure(this.ref.url, response.status);
    } finally {
      idle.stop();
    }
  }

  private async receiveRange(response: Response, offset: number): Promise<void> {
    // The header may be unreadable (a host that does not expose it to CORS): then the file ends
    // at the first chunk shorter than asked for, or at a 416.
    const range = contentRangeOf(response.headers);
    if (range && range.start !== offset) {
      await discard(response);
      throw new ModelDownloadError(
        'http',
        this.ref.url,
        `Asked for byte ${offset}, got ${range.start}`,
      );
    }
    const total = range?.total ?? null;
    if (this.changed(response, total)) {
      await discard(response);
      // Once is a new version on the host; again is a host whose copies disagree (a restart loop).
      if (++this.changes > 1) {
        throw new ModelDownloadError('http', this.ref.url, `${this.ref.file} keeps changing`);
      }
      return this.restart();
    }
    await this.learn(response, total);
    const asked = range ? range.end - range.start + 1 : this.record.chunkSize;
    const pieces: Bytes[] = [];
    let got = 0;
    for await (const piece of this.pieces(response)) {
      pieces.push(piece);
      got += piece.length;
    }
    if (got > asked) {
      throw new ModelDownloadError('http', this.ref.url, `Asked for ${asked} bytes, got ${got}`);
    }
    // A short body with a Content-Range is a cut connection (Node does not always notice).
    if (range && got < asked) throw unreachable(this.ref.url, new Error('The body ended early'));
    await this.storePart(pieces);
    if (!range && got < asked) await this.save({ ...this.record, size: this.record.bytes });
  }

  /** A 200: the host ignores Range, so the whole file comes again from its first byte. */
  private async receiveWhole(response: Response): Promise<void> {
    if (this.record.bytes > 0) await this.restart();
    await this.learn(response, lengthOf(response.headers));
    for await (const part of rechunk(this.pieces(response), this.record.chunkSize)) {
      await this.storePart(part);
    }
    if (this.record.size === null) await this.save({ ...this.record, size: this.record.bytes });
  }

  private async rangeRefused(offset: number): Promise<void> {
    if (offset === 0) {
      this.useRange = false; // An empty file has no byte 0 to ask for.
    } else if (this.record.size === null) {
      await this.save({ ...this.record, size: offset }); // It ended at a chunk boundary.
    } else {
      await this.restart(); // Shorter than it was: it changed on the host.
    }
  }

  /** The file on the host is not the one the stored parts came from. */
  private changed(response: Response, total: number | null): boolean {
    const { record } = this;
    if (record.parts === 0) return false;
    const etag = response.headers.get('etag');
    return (
      (total !== null && record.size !== null && total !== record.size) ||
      (etag !== null && record.etag !== null && etag !== record.etag)
    );
  }

  /** Takes size and identity from the first answer, and stores the record before any part. */
  private async learn(response: Response, total: number | null): Promise<void> {
    if (this.record.parts === 0) {
      await this.save({
        ...this.record,
        size: total,
        etag: response.headers.get('etag'),
        sha256: sha256Of(response.headers),
      });
      this.settings.progress.size(this.ref, total ?? 0);
    }
    if (this.spaceChecked || this.record.size === null || !this.settings.freeSpace) return;
    this.spaceChecked = true;
    const free = await this.settings.freeSpace();
    const needed = this.record.size - this.record.bytes;
    if (free !== undefined && free < needed) {
      await discard(response);
      throw diskFull(this.ref.url, new Error(`${needed} bytes needed, ${free} free`));
    }
  }

  /** The body's pieces, counted as progress as they arrive. */
  private async *pieces(response: Response): AsyncGenerator<Bytes> {
    for await (const piece of piecesOf(response, this.ref.url)) {
      this.idle?.kick();
      this.settings.progress.advance(this.ref, piece.length);
      yield piece;
    }
  }

  private async storePart(pieces: Bytes[]): Promise<void> {
    const hash = Sha256.restore(this.record.hash);
    for (const piece of pieces) hash.update(piece);
    const part = new Blob(pieces);
    const { record } = this;
    try {
      await this.settings.files.writePart(record.url, record.parts, part);
    } catch (error) {
      throw downloadFailureOf(error, record.url) ?? error;
    }
    await this.save({
      ...record,
      parts: record.parts + 1,
      bytes: record.bytes + part.size,
      hash: hash.save(),
    });
    this.failures = 0; // Progress was made: a flaky network gets its retries afresh.
    this.idle?.kick(); // Storing took time, not the network.
  }

  /** Stores the record, then adopts it, so memory never runs ahead of what a restart finds. */
  private async save(record: FileRecord): Promise<void> {
    try {
      await this.settings.files.write(record);
    } catch (error) {
      throw downloadFailureOf(error, record.url) ?? error;
    }
    this.record = record;
  }

  private async restart(): Promise<void> {
    await this.settings.files.remove(this.ref.url);
    this.record = emptyRecord(this.ref, this.settings.chunkSize);
    this.settings.progress.rewind(this.ref, 0);
  }
}
