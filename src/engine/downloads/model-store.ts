/**
 * The model files on this device: downloaded from the model host in resumable, verified chunks
 * (file-download.ts), kept in Cache Storage (cached-files.ts), listed and deleted per model.
 *
 * transformers.js meets it twice, and needs both (issue #3):
 * - `env.fetch = store.fetch`: transformers.js downloads with one plain fetch per file and reads
 *   the whole body before it offers it to any cache, so only a fetch can download in ranges,
 *   resume, verify and report bytes as they arrive. It answers a model file from the store,
 *   downloading it first if needed; anything else goes to the network untouched.
 * - `env.customCache = store` (`match`/`put`): transformers.js asks its cache before fetching.
 *   A hit means no request at all, not even the `Range: bytes=0-0` probe it sends per file for
 *   progress totals; in Node it cannot load an ONNX file from a fetch without a cache.
 */
import { CachedFiles, type FileCache, type FileRecord } from './cached-files';
import { MODEL_CACHE } from '../../shared/model-files';
import { DownloadProgress, type ProgressListener } from './download-progress';
import { downloadFile, type Integrity } from './file-download';
import { ModelDownloadError, notAllowed } from './model-download-error';
import { modelFileOf, type ModelFileRef } from './model-url';

export { MODEL_CACHE } from '../../shared/model-files';

export interface ModelStoreOptions {
  /** The model host, as `env.remoteHost` (e.g. `https://huggingface.co/`). */
  host: string;
  cache: FileCache;
  onProgress?: ProgressListener;
  /** Bytes per Range request and per stored part: what a dropped connection can cost. */
  chunkSize?: number;
  /** Attempts after a connection drops mid-download (default 2; each resumes). */
  retries?: number;
  retryDelayMs?: number;
  /** A request silent this long is dropped and resumed (default 30 s). */
  idleTimeoutMs?: number;
  progressIntervalMs?: number;
  /** The real network (defaults to the global fetch). */
  network?: (url: string, init: RequestInit) => Promise<Response>;
  /** A pinned size or SHA-256 for a file, when the registry knows one. */
  integrity?: (ref: ModelFileRef) => Integrity | undefined;
  /** Bytes the browser will still store (defaults to navigator.storage.estimate where present). */
  freeSpace?: () => Promise<number | undefined>;
  /**
   * Whether model files may be fetched from the host now (the user agreed: the modelDownloads
   * setting, issue 10). When it says no, files already complete on this device are still served,
   * and anything else is refused with a `not-allowed` ModelDownloadError before any request is
   * made, size probes included. Unset: always.
   */
  mayDownload?: () => Promise<boolean>;
}

export interface CachedModelFile {
  file: string;
  url: string;
  /** Bytes on disk. */
  bytes: number;
  /** The file's full size, once known. */
  size: number | null;
  complete: boolean;
}

export interface CachedModel {
  model: string;
  bytes: number;
  /** Every file on disk is complete (no interrupted download left). */
  complete: boolean;
  files: CachedModelFile[];
}

const MiB = 1024 * 1024;

async function browserFreeSpace(): Promise<number | undefined> {
  const storage = (globalThis as { navigator?: Navigator }).navigator?.storage;
  if (!storage?.estimate) return undefined;
  const { quota, usage } = await storage.estimate();
  return quota === undefined || usage === undefined ? undefined : quota - usage;
}

export class ModelStore {
  private readonly files: CachedFiles;
  private readonly progress: DownloadProgress;
  /** Downloads under way, by file URL: concurrent loads of one file share one download. */
  private readonly inflight = new Map<string, { model: string; done: Promise<FileRecord> }>();
  private readonly network: (url: string, init: RequestInit) => Promise<Response>;

  /** The store over the extension's Cache Storage. */
  static async open(options: Omit<ModelStoreOptions, 'cache'>): Promise<ModelStore> {
    return new ModelStore({ ...options, cache: await caches.open(MODEL_CACHE) });
  }

  constructor(private readonly options: ModelStoreOptions) {
    this.files = new CachedFiles(options.cache);
    this.progress = new DownloadProgress(options.onProgress, options.progressIntervalMs);
    // Bound: Chromium's fetch throws "Illegal invocation" when called on another receiver.
    this.network = options.network ?? globalThis.fetch.bind(globalThis);
  }

  /** For `env.fetch`. A model file whose host says 404 answers 404, so optional files stay optional. */
  readonly fetch = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const ref = modelFileOf(String(input), this.options.host);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (!ref || method !== 'GET') return this.network(String(input), init ?? {});
    const headers = new Headers(init?.headers);
    const range = headers.get('range');
    if (range !== null) {
      // transformers.js's size probe: answer it from a stored file, else let the host answer.
      const stored = await this.rangeOf(ref, range);
      if (stored) return stored;
      await this.mayFetch(ref);
      return this.network(ref.url, init ?? {});
    }
    try {
      await this.download(ref, headers);
    } catch (error) {
      if (error instanceof ModelDownloadError && error.kind === 'not-found') {
        return new Response(null, { status: error.status ?? 404 });
      }
      throw error;
    }
    const response = await this.match(ref.url);
    if (!response) throw new Error(`${ref.url} vanished from the cache after its download`);
    return response;
  };

  /** For `env.customCache`: a complete, verified file, or undefined. */
  async match(url: string): Promise<Response | undefined> {
    const ref = modelFileOf(url, this.options.host);
    const record = ref && (await this.files.read(ref.url));
    if (!record?.complete) return undefined;
    const body = await this.files.body(record);
    if (!body) {
      await this.files.remove(record.url); // A part went missing: download it all again.
      return undefined;
    }
    return new Response(body, {
      headers: { 'content-length': String(body.size), ...(record.etag && { etag: record.etag }) },
    });
  }

  /**
   * For `env.customCache`. Deliberately stores nothing: every model file reaches transformers.js
   * through `fetch` above, already stored, and transformers.js calls `match` first and skips
   * `put` on a hit. What is left are files outside the host (ONNX Runtime's WASM, when
   * `env.useWasmCache` is on), which ship inside the extension and need no cache.
   */
  async put(_url: string, _response: Response): Promise<void> {}

  /** Deletes one file (the cache interface's optional `delete`). */
  async delete(url: string): Promise<boolean> {
    const ref = modelFileOf(url, this.options.host);
    return ref ? this.files.remove(ref.url) : false;
  }

  /** Downloads a file now (a "download" button, or warming before first use). */
  async download(target: string | ModelFileRef, headers?: HeadersInit): Promise<void> {
    const url = typeof target === 'string' ? target : target.url;
    const ref = typeof target === 'string' ? modelFileOf(url, this.options.host) : target;
    if (!ref) throw new Error(`${url} is not a model file on ${this.options.host}`);
    let pending = this.inflight.get(ref.url)?.done;
    if (!pending) {
      await this.mayFetch(ref);
      pending = this.inflight.get(ref.url)?.done; // Another call may have started it meanwhile.
    }
    if (!pending) {
      pending = downloadFile(ref, {
        files: this.files,
        progress: this.progress,
        network: this.network,
        chunkSize: this.options.chunkSize ?? 8 * MiB,
        retries: this.options.retries ?? 2,
        retryDelayMs: this.options.retryDelayMs ?? 1_000,
        idleTimeoutMs: this.options.idleTimeoutMs ?? 30_000,
        headers,
        expected: this.options.integrity?.(ref),
        freeSpace: this.options.freeSpace ?? browserFreeSpace,
      }).finally(() => this.inflight.delete(ref.url));
      this.inflight.set(ref.url, { model: ref.model, done: pending });
    }
    await pending;
  }

  /** Throws `not-allowed` unless the file is complete here or downloads are allowed now. */
  private async mayFetch(ref: ModelFileRef): Promise<void> {
    const ask = this.options.mayDownload;
    if (!ask || (await ask())) return;
    if ((await this.files.read(ref.url))?.complete) return;
    throw notAllowed(ref.url);
  }

  /** What is on disk, per model, complete or not. */
  async list(): Promise<CachedModel[]> {
    const models = new Map<string, CachedModel>();
    for (const record of await this.files.all()) {
      let model = models.get(record.model);
      if (!model) {
        model = { model: record.model, bytes: 0, complete: true, files: [] };
        models.set(record.model, model);
      }
      const { file, url, bytes, size, complete } = record;
      model.files.push({ file, url, bytes, size, complete });
      model.bytes += bytes;
      model.complete &&= complete;
    }
    return [...models.values()].sort((a, b) => a.model.localeCompare(b.model));
  }

  /** Deletes every file of a model, whatever host it came from; returns the bytes freed. */
  async deleteModel(model: string): Promise<number> {
    // A download still running would store its next chunk right after the delete: let it end.
    const running = [...this.inflight.values()].filter((d) => d.model === model);
    await Promise.allSettled(running.map((d) => d.done));
    let freed = 0;
    for (const record of await this.files.all()) {
      if (record.model !== model) continue;
      await this.files.remove(record.url);
      freed += record.bytes;
    }
    this.progress.forget(model);
    return freed;
  }

  /** A `bytes=a-b` / `bytes=a-` request against a stored file, as the host would answer it. */
  private async rangeOf(ref: ModelFileRef, range: string): Promise<Response | undefined> {
    const asked = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
    const body = asked ? await this.match(ref.url).then((r) => r?.blob()) : undefined;
    if (!asked || !body) return undefined;
    const start = Number(asked[1]);
    const end = Math.min(asked[2] ? Number(asked[2]) : Infinity, body.size - 1);
    if (start > end) {
      return new Response(null, {
        status: 416,
        headers: { 'content-range': `bytes */${body.size}` },
      });
    }
    return new Response(body.slice(start, end + 1), {
      status: 206,
      headers: {
        'content-range': `bytes ${start}-${end}/${body.size}`,
        'content-length': String(end - start + 1),
      },
    });
  }
}
