/**
 * The model store against a real HTTP host on 127.0.0.1 in the hub's layout: chunked downloads
 * with progress, the cache answering without a request, resumes that fetch only what is missing,
 * and verification. Failures are in model-store-failures.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../../tests/fixtures/memory-cache';
import { ModelHost } from '../../../tests/fixtures/model-host';
import type { ModelProgress } from './download-progress';
import { ModelStore, type ModelStoreOptions } from './model-store';

const MODEL = 'acme/tiny';
const FILE = 'onnx/model.onnx';
const CHUNK = 64 * 1024;
const DATA = new Uint8Array(randomBytes(5 * CHUNK + 1234)); // 6 chunks, the last one short
const CONFIG = new TextEncoder().encode('{"model_type":"bert"}');

let host: ModelHost;
let cache: MemoryCache;

beforeEach(async () => {
  host = await ModelHost.start();
  host.setFile(MODEL, FILE, DATA);
  host.setFile(MODEL, 'config.json', CONFIG);
  cache = new MemoryCache();
});

afterEach(async () => {
  await host.stop();
});

function storeWith(options: Partial<ModelStoreOptions> = {}): ModelStore {
  return new ModelStore({
    host: host.url,
    cache,
    chunkSize: CHUNK,
    retryDelayMs: 0,
    progressIntervalMs: 0,
    freeSpace: () => Promise.resolve(undefined),
    ...options,
  });
}

const url = (file = FILE) => host.fileUrl(MODEL, file);
const rangesAsked = () => host.requestsFor(MODEL, FILE).map((r) => r.range);
const chunkRange = (i: number) => `bytes=${i * CHUNK}-${i * CHUNK + CHUNK - 1}`;
const allChunks = [0, 1, 2, 3, 4, 5].map(chunkRange);

async function bytesOf(response: Response | undefined): Promise<Buffer> {
  expect(response?.ok).toBe(true);
  return Buffer.from(await response!.arrayBuffer());
}

/** Compares bytes in one step (toEqual walks a large Uint8Array element by element, slowly). */
function same(actual: Buffer, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  expect(actual.equals(expected), 'bytes differ').toBe(true);
}

describe('ModelStore downloads', () => {
  it('downloads a file in Range chunks, reporting progress, and serves it whole', async () => {
    const events: ModelProgress[] = [];
    const store = storeWith({ onProgress: (p) => events.push(p) });

    const response = await store.fetch(url());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(DATA.length));
    same(await bytesOf(response), DATA);
    expect(rangesAsked()).toEqual(allChunks);
    expect(events[0]).toMatchObject({ model: MODEL, file: FILE, loaded: 0, done: false });
    expect(events.at(-1)).toMatchObject({
      loaded: DATA.length,
      total: DATA.length,
      percent: 100,
      etaSeconds: 0,
      done: true,
    });
    const loaded = events.map((e) => e.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(events.filter((e) => e.percent > 0 && e.percent < 100).length).toBeGreaterThan(3);
  });

  it('sums progress over the files of one model', async () => {
    const events: ModelProgress[] = [];
    const store = storeWith({ onProgress: (p) => events.push(p) });
    await Promise.all([store.download(url('config.json')), store.download(url())]);
    expect(events.at(-1)).toMatchObject({
      loaded: DATA.length + CONFIG.length,
      total: DATA.length + CONFIG.length,
      done: true,
    });
  });

  it('serves a second load from the cache without a single request, even after a restart', async () => {
    await storeWith().fetch(url());
    const before = host.requests.length;

    const restarted = storeWith(); // a new store over the same Cache Storage
    same(await bytesOf(await restarted.match(url())), DATA);
    same(await bytesOf(await restarted.fetch(url())), DATA);
    expect(host.requests.length).toBe(before);
  });

  it('answers a Range probe for a stored file from the cache', async () => {
    const store = storeWith();
    await store.download(url());
    const before = host.requests.length;
    const probe = await store.fetch(url(), { headers: { Range: 'bytes=0-0' } });
    expect(probe.status).toBe(206);
    expect(probe.headers.get('content-range')).toBe(`bytes 0-0/${DATA.length}`);
    same(await bytesOf(probe), DATA.subarray(0, 1));
    expect(host.requests.length).toBe(before);
  });

  it('shares one download between concurrent loads of the same file', async () => {
    const store = storeWith();
    const [a, b] = await Promise.all([store.fetch(url()), store.fetch(url())]);
    same(await bytesOf(a), DATA);
    same(await bytesOf(b), DATA);
    expect(rangesAsked()).toEqual(allChunks);
  });
});

describe('ModelStore resumes', () => {
  it('resumes a connection cut halfway from the cut chunk, asking only for missing ranges', async () => {
    host.cut(MODEL, FILE, 2 * CHUNK + 100); // inside chunk 2
    const events: ModelProgress[] = [];
    const store = storeWith({ onProgress: (p) => events.push(p) });

    same(await bytesOf(await store.fetch(url())), DATA);

    expect(rangesAsked()).toEqual([...allChunks.slice(0, 3), ...allChunks.slice(2)]);
    const sent = host.requestsFor(MODEL, FILE).reduce((sum, r) => sum + r.bytes, 0);
    expect(sent).toBe(DATA.length + 100); // the 100 bytes of the cut chunk came twice
    // Progress fell back to the stored chunks after the cut, then finished.
    expect(events.some((e) => e.loaded === 2 * CHUNK && !e.done)).toBe(true);
    expect(events.at(-1)?.done).toBe(true);
  });

  it('resumes after a restart: a new store continues from the chunks the old one stored', async () => {
    host.stall(MODEL, FILE, 3 * CHUNK + 10);
    const first = storeWith({ retries: 0 });
    const stalled = first.download(url()).catch((error: unknown) => error);
    await expect.poll(() => cache.size, { interval: 5 }).toBeGreaterThanOrEqual(4); // meta + 3 parts

    const events: ModelProgress[] = [];
    const restarted = storeWith({ onProgress: (p) => events.push(p) });
    same(await bytesOf(await restarted.fetch(url())), DATA);
    expect(events[0]).toMatchObject({ loaded: 3 * CHUNK, total: DATA.length });

    expect(rangesAsked()).toEqual([...allChunks.slice(0, 4), ...allChunks.slice(3)]);
    host.release(); // the old, hung connection finally drops
    expect(await stalled).toMatchObject({ kind: 'unreachable' });
  });

  it('drops a connection that stalls, and resumes on a new one', async () => {
    host.stall(MODEL, FILE, CHUNK + 7);
    const store = storeWith({ idleTimeoutMs: 150 });
    same(await bytesOf(await store.fetch(url())), DATA);
    expect(rangesAsked()).toEqual([...allChunks.slice(0, 2), ...allChunks.slice(1)]);
  });

  it('keeps the stored chunks when the network drops for good, and resumes later', async () => {
    host.cut(MODEL, FILE, 4 * CHUNK + 1);
    await expect(storeWith({ retries: 0 }).download(url())).rejects.toMatchObject({
      kind: 'unreachable',
    });
    expect((await storeWith().list())[0]).toMatchObject({ bytes: 4 * CHUNK, complete: false });

    same(await bytesOf(await storeWith().fetch(url())), DATA);
    expect(rangesAsked()).toEqual([...allChunks.slice(0, 5), ...allChunks.slice(4)]);
  });

  it('finds the end of a file whose Content-Range it cannot read', async () => {
    // A host that does not expose Content-Range to CORS: only short chunks and 416 tell the end.
    const hidden = async (target: string, init: RequestInit) => {
      const response = await fetch(target, init);
      const headers = new Headers(response.headers);
      headers.delete('content-range');
      return new Response(response.body, { status: response.status, headers });
    };
    const exact = new Uint8Array(randomBytes(3 * CHUNK));
    host.setFile(MODEL, 'exact.bin', exact);
    const store = storeWith({ network: hidden });
    same(await bytesOf(await store.fetch(url())), DATA);
    same(await bytesOf(await store.fetch(url('exact.bin'))), exact);
    const exactStatuses = host.requestsFor(MODEL, 'exact.bin').map((r) => r.status);
    expect(exactStatuses).toEqual([206, 206, 206, 416]);
  });
});

describe('ModelStore when the file changes on the host', () => {
  it('starts over when the stored chunks belong to an older version', async () => {
    host.cut(MODEL, FILE, 2 * CHUNK + 1);
    await expect(storeWith({ retries: 0 }).download(url())).rejects.toMatchObject({
      kind: 'unreachable',
    });
    const newer = new Uint8Array(randomBytes(DATA.length));
    host.setFile(MODEL, FILE, newer); // a new commit on main: new ETag
    same(await bytesOf(await storeWith().fetch(url())), newer);
    expect(rangesAsked().slice(3)).toEqual([chunkRange(2), ...allChunks]);
  });
});

describe('ModelStore without Range', () => {
  it('falls back to a plain download, with progress, still stored in chunks', async () => {
    host.ranges = false;
    const events: ModelProgress[] = [];
    const store = storeWith({ onProgress: (p) => events.push(p) });
    same(await bytesOf(await store.fetch(url())), DATA);
    expect(host.requestsFor(MODEL, FILE).map((r) => r.status)).toEqual([200]);
    expect(events.at(-1)).toMatchObject({ loaded: DATA.length, percent: 100, done: true });
    expect(cache.size).toBe(1 + 6); // the record and six parts
  });

  it('starts over after a cut, since it cannot resume', async () => {
    host.ranges = false;
    host.cut(MODEL, FILE, 3 * CHUNK);
    same(await bytesOf(await storeWith().fetch(url())), DATA);
    const sent = host.requestsFor(MODEL, FILE).map((r) => r.bytes);
    expect(sent).toEqual([3 * CHUNK, DATA.length]);
  });

  it('follows the hub redirect of large files to the CDN, ranges and all', async () => {
    host.lfsRedirect = true;
    same(await bytesOf(await storeWith().fetch(url())), DATA);
    const cdn = host.requests.filter((r) => r.path.startsWith('/cdn/'));
    expect(cdn.map((r) => r.range)).toEqual(allChunks);
    expect(await storeWith().match(url())).toBeDefined(); // stored under the resolve URL
  });
});

describe('ModelStore verification', () => {
  it('detects a corrupted file by its SHA-256, downloads it again once, and succeeds', async () => {
    host.corrupt(MODEL, FILE);
    same(await bytesOf(await storeWith().fetch(url())), DATA);
    expect(rangesAsked()).toEqual([...allChunks, ...allChunks]);
  });

  it('verifies against a pinned SHA-256 where the host vouches for none (CDN ETags)', async () => {
    host.lfsRedirect = true;
    host.corrupt(MODEL, FILE);
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(DATA).digest('hex');
    const store = storeWith({ integrity: (ref) => (ref.file === FILE ? { sha256 } : undefined) });
    same(await bytesOf(await store.fetch(url())), DATA);
    expect(host.requests.filter((r) => r.path.startsWith('/cdn/'))).toHaveLength(12);
  });

  it('gives up with a corrupt error after the second bad copy, keeping nothing', async () => {
    host.corrupt(MODEL, FILE, undefined, 2);
    await expect(storeWith().download(url())).rejects.toMatchObject({
      name: 'ModelDownloadError',
      kind: 'corrupt',
      message: expect.stringContaining('corrupt twice') as string,
    });
    expect(rangesAsked()).toHaveLength(12);
    expect(cache.size).toBe(0);
  });
});

describe('ModelStore listing and deleting', () => {
  it('lists files and bytes per model and deletes a model to free its space', async () => {
    host.setFile('other/model', 'config.json', CONFIG);
    const store = storeWith();
    await store.download(url());
    await store.download(url('config.json'));
    await store.download(host.fileUrl('other/model', 'config.json'));

    const listed = await store.list();
    expect(listed.map((m) => [m.model, m.bytes, m.complete])).toEqual([
      [MODEL, DATA.length + CONFIG.length, true],
      ['other/model', CONFIG.length, true],
    ]);
    expect(listed[0]?.files.map((f) => f.file).sort()).toEqual(['config.json', FILE]);

    expect(await store.deleteModel(MODEL)).toBe(DATA.length + CONFIG.length);
    expect((await store.list()).map((m) => m.model)).toEqual(['other/model']);
    expect(cache.size).toBe(2); // other/model's record and part
    expect(await store.match(url())).toBeUndefined();
  });

  it('deletes a single file through the cache interface', async () => {
    const store = storeWith();
    await store.download(url());
    expect(await store.delete(url())).toBe(true);
    expect(cache.size).toBe(0);
    expect(await store.delete(url())).toBe(false);
  });
});
