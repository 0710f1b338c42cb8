/**
 * How downloaded model files lie in Cache Storage (`engram-models-v1`).
 *
 * A file is stored as numbered parts of `chunkSize` bytes plus one JSON record, all keyed by the
 * file's URL in the host's layout with a query added:
 *   …/<model>/resolve/<rev>/<file>?engram=part-0 … part-N   the bytes, one entry per chunk
 *   …/<model>/resolve/<rev>/<file>?engram=meta             a FileRecord: size, hashes, progress
 * Why parts in Cache Storage rather than an IndexedDB table: the parts are what a resumed download
 * keeps, and once complete the file is served straight from them (`new Blob(parts)` references
 * them on disk, no copy), so a finished 500 MB model never needs 1 GB while being assembled. One
 * store also means one quota error path and one place to list and delete. Keys keep the model's
 * URL path, so code that groups Cache Storage keys by `/<owner>/<name>/resolve/` still works.
 */
import { z } from 'zod';
import { Sha256 } from '../../core/download/sha256';
import type { ModelFileRef } from './model-url';

/** The part of the Cache API used here: a Cache Storage cache, or an in-memory one in tests. */
export interface FileCache {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
  keys(): Promise<readonly { url: string }[]>;
}

const hashState = z.object({
  h: z.array(z.number().int()).length(8),
  length: z.number().int().nonnegative(),
  pending: z.array(z.number().int().min(0).max(255)).max(63),
});

const fileRecord = z.object({
  url: z.string(),
  model: z.string(),
  file: z.string(),
  chunkSize: z.number().int().positive(),
  /** The size the host announced (Content-Range total or Content-Length), once known. */
  size: z.number().int().nonnegative().nullable(),
  etag: z.string().nullable(),
  /** The SHA-256 the host vouches for (an LFS ETag), when it gives one. */
  sha256: z.string().nullable(),
  /** Parts stored, in order (chunkSize bytes each, as the host sent them, the last shorter). */
  parts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** SHA-256 state over the stored parts, so a resumed download need not read them back. */
  hash: hashState,
  complete: z.boolean(),
});

export type FileRecord = z.infer<typeof fileRecord>;

/** The record of a file nothing is known about yet. */
export function emptyRecord(ref: ModelFileRef, chunkSize: number): FileRecord {
  return {
    url: ref.url,
    model: ref.model,
    file: ref.file,
    chunkSize,
    size: null,
    etag: null,
    sha256: null,
    parts: 0,
    bytes: 0,
    hash: new Sha256().save(),
    complete: false,
  };
}

const PARAM = 'engram';

function keyOf(url: string, value: string): string {
  const key = new URL(url);
  key.searchParams.set(PARAM, value);
  return key.href;
}

/** The file URL a cache key belongs to, or undefined for keys this layout did not write. */
function fileUrlOf(key: string): string | undefined {
  const url = new URL(key);
  if (!url.searchParams.has(PARAM)) return undefined;
  url.searchParams.delete(PARAM);
  return url.href;
}

export class CachedFiles {
  constructor(private readonly cache: FileCache) {}

  async read(url: string): Promise<FileRecord | undefined> {
    const response = await this.cache.match(keyOf(url, 'meta'));
    if (!response) return undefined;
    const parsed = fileRecord.safeParse(await response.json().catch(() => undefined));
    // A record this version cannot read is treated as absent; the download starts over.
    return parsed.success ? parsed.data : undefined;
  }

  async write(record: FileRecord): Promise<void> {
    await this.cache.put(
      keyOf(record.url, 'meta'),
      new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } }),
    );
  }

  async writePart(url: string, index: number, bytes: Blob): Promise<void> {
    // A fresh 200 response: Cache Storage rejects 206 answers, and copying the host's headers
    // would bring its Vary along, which could make later lookups miss.
    const response = new Response(bytes, {
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.size),
      },
    });
    await this.cache.put(keyOf(url, `part-${index}`), response);
  }

  /** The stored bytes of a record, as one Blob over its parts; undefined if a part is missing. */
  async body(record: FileRecord): Promise<Blob | undefined> {
    const parts: Blob[] = [];
    for (let index = 0; index < record.parts; index++) {
      const part = await this.cache.match(keyOf(record.url, `part-${index}`));
      if (!part) return undefined;
      parts.push(await part.blob());
    }
    return new Blob(parts);
  }

  async all(): Promise<FileRecord[]> {
    const records: FileRecord[] = [];
    for (const url of await this.fileUrls()) {
      const record = await this.read(url);
      if (record) records.push(record);
    }
    return records;
  }

  /** Deletes a file's record and every part, including parts a crash left past the record. */
  async remove(url: string): Promise<boolean> {
    let removed = false;
    for (const { url: key } of await this.cache.keys()) {
      if (fileUrlOf(key) === url) removed = (await this.cache.delete(key)) || removed;
    }
    return removed;
  }

  private async fileUrls(): Promise<Set<string>> {
    const urls = new Set<string>();
    for (const { url: key } of await this.cache.keys()) {
      const url = fileUrlOf(key);
      if (url) urls.add(url);
    }
    return urls;
  }
}
