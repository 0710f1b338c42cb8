/**
 * Each way a model download fails becomes a typed ModelDownloadError the UI can explain:
 * missing on the host, host unreachable, disk full, other HTTP errors.
 */
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../../tests/fixtures/memory-cache';
import { ModelHost } from '../../../tests/fixtures/model-host';
import { downloadFailureOf, ModelDownloadError } from './model-download-error';
import { ModelStore, type ModelStoreOptions } from './model-store';

const MODEL = 'acme/tiny';
const FILE = 'onnx/model.onnx';
const CHUNK = 64 * 1024;
const DATA = new Uint8Array(randomBytes(4 * CHUNK + 10));

let host: ModelHost;
let cache: MemoryCache;

beforeEach(async () => {
  host = await ModelHost.start();
  host.setFile(MODEL, FILE, DATA);
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
    freeSpace: () => Promise.resolve(undefined),
    ...options,
  });
}

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('ModelStore failures', () => {
  it('turns a missing file into not-found, and answers fetch with a plain 404', async () => {
    const missing = host.fileUrl(MODEL, 'generation_config.json');
    await expect(storeWith().download(missing)).rejects.toMatchObject({
      kind: 'not-found',
      status: 404,
      message: expect.stringContaining('HTTP 404') as string,
    });
    // transformers.js asks for optional files too: it must see a 404, not an exception.
    expect((await storeWith().fetch(missing)).status).toBe(404);
    expect(cache.size).toBe(0);
  });

  it('turns a missing model (the hub answers 401) into not-found', async () => {
    await expect(
      storeWith().download(host.fileUrl('acme/absent', 'config.json')),
    ).rejects.toMatchObject({ kind: 'not-found', status: 401 });
  });

  it('turns a host that is down into unreachable at once, without retries', async () => {
    host.down = true;
    const store = storeWith({ retries: 5, retryDelayMs: 60_000 });
    await expect(store.fetch(host.fileUrl(MODEL, FILE))).rejects.toMatchObject({
      name: 'ModelDownloadError',
      kind: 'unreachable',
      message: expect.stringContaining('network') as string,
    });
    expect(host.requests).toHaveLength(1);
  });

  it('turns a host nobody listens on into unreachable', async () => {
    const port = await closedPort();
    const store = storeWith({ host: `http://127.0.0.1:${port}/` });
    await expect(
      store.download(`http://127.0.0.1:${port}/${MODEL}/resolve/main/${FILE}`),
    ).rejects.toMatchObject({
      kind: 'unreachable',
    });
  });

  it('gives up on a connection that keeps dropping after its retries', async () => {
    host.cut(MODEL, FILE, CHUNK + 5, 2);
    await expect(
      storeWith({ retries: 1 }).download(host.fileUrl(MODEL, FILE)),
    ).rejects.toMatchObject({
      kind: 'unreachable',
    });
    expect(host.requests.map((r) => r.range)).toEqual([
      `bytes=0-${CHUNK - 1}`,
      `bytes=${CHUNK}-${2 * CHUNK - 1}`,
      `bytes=${CHUNK}-${2 * CHUNK - 1}`,
    ]);
  });

  it('turns a full disk into disk-full and keeps what was stored for later', async () => {
    cache.quota = 2 * CHUNK + 2_000; // two parts and the record fit, a third part does not
    await expect(storeWith().download(host.fileUrl(MODEL, FILE))).rejects.toMatchObject({
      kind: 'disk-full',
      message: expect.stringContaining('disk space') as string,
    });
    expect((await storeWith().list())[0]).toMatchObject({ bytes: 2 * CHUNK, complete: false });

    cache.quota = Infinity; // the user freed some space
    await storeWith().download(host.fileUrl(MODEL, FILE));
    expect(host.requests.map((r) => r.range?.split('-')[0]).slice(-3)).toEqual([
      `bytes=${2 * CHUNK}`,
      `bytes=${3 * CHUNK}`,
      `bytes=${4 * CHUNK}`,
    ]);
  });

  it('refuses to start a download the browser says it has no room for', async () => {
    const store = storeWith({ freeSpace: () => Promise.resolve(DATA.length - 1) });
    await expect(store.download(host.fileUrl(MODEL, FILE))).rejects.toMatchObject({
      kind: 'disk-full',
    });
    expect(host.requests).toHaveLength(1);
    expect((await store.list())[0]?.bytes).toBe(0);
  });

  it('reports other HTTP errors with their status', async () => {
    host.fail(MODEL, FILE, 503);
    await expect(storeWith().download(host.fileUrl(MODEL, FILE))).rejects.toMatchObject({
      kind: 'http',
      status: 503,
    });
    await storeWith().download(host.fileUrl(MODEL, FILE)); // the next attempt works
  });
});

describe('downloadFailureOf', () => {
  it('keeps a ModelDownloadError as it is', () => {
    const error = new ModelDownloadError('corrupt', 'u', 'bad');
    expect(downloadFailureOf(error)).toBe(error);
  });

  it("reads transformers.js's ModelFileNotFoundError as not-found, with its URL", () => {
    const error = Object.assign(
      new Error('Could not locate file: "https://h/m/resolve/main/x.json".'),
      {
        name: 'ModelFileNotFoundError',
        status: 404,
      },
    );
    expect(downloadFailureOf(error)).toMatchObject({
      kind: 'not-found',
      status: 404,
      url: 'https://h/m/resolve/main/x.json',
    });
  });

  it('reads a QuotaExceededError as disk-full', () => {
    expect(downloadFailureOf(new DOMException('full', 'QuotaExceededError'))).toMatchObject({
      kind: 'disk-full',
    });
  });

  it('leaves anything else alone, a TypeError from a bug included', () => {
    expect(downloadFailureOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(downloadFailureOf('nope')).toBeUndefined();
  });
});
