/**
 * The consent gate (issue 10): until the user allows model downloads, the store makes no request
 * to the model host (not even a size probe) and refuses with `not-allowed`; files already on this
 * device are still served; once allowed, the same store downloads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../../tests/fixtures/memory-cache';
import { ModelHost } from '../../../tests/fixtures/model-host';
import { ModelDownloadError } from './model-download-error';
import { ModelStore } from './model-store';

const MODEL = 'acme/tiny';
const FILE = 'onnx/model.onnx';
const DATA = new Uint8Array(3000).map((_, i) => i % 251);

let host: ModelHost;
let cache: MemoryCache;
let allowed: boolean;
let asked: number;

beforeEach(async () => {
  host = await ModelHost.start();
  host.setFile(MODEL, FILE, DATA);
  host.setFile(MODEL, 'config.json', new TextEncoder().encode('{}'));
  cache = new MemoryCache();
  allowed = false;
  asked = 0;
});

afterEach(async () => {
  await host.stop();
});

const store = (retries = 2) =>
  new ModelStore({
    host: host.url,
    retries,
    cache,
    chunkSize: 1024,
    retryDelayMs: 0,
    progressIntervalMs: 0,
    freeSpace: () => Promise.resolve(undefined),
    mayDownload: () => {
      asked++;
      return Promise.resolve(allowed);
    },
  });

const url = (file = FILE) => host.fileUrl(MODEL, file);

async function refusal(work: Promise<unknown>): Promise<ModelDownloadError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelDownloadError);
  return error as ModelDownloadError;
}

describe('model downloads before the user agrees', () => {
  it('refuses a missing file without a single request to the host', async () => {
    const models = store();
    expect((await refusal(models.fetch(url()))).kind).toBe('not-allowed');
    expect((await refusal(models.download(url('config.json')))).kind).toBe('not-allowed');
    // transformers.js's size probe would be a request too.
    const probe = models.fetch(url(), { headers: { Range: 'bytes=0-0' } });
    expect((await refusal(probe)).kind).toBe('not-allowed');
    expect(host.requests).toEqual([]);
    expect(await models.list()).toEqual([]);
  });

  it('still serves files already on this device, asking nothing of the host', async () => {
    allowed = true;
    await store().download(url());
    const before = host.requests.length;
    allowed = false;
    const models = store();
    const response = await models.fetch(url());
    expect(Buffer.from(await response.arrayBuffer()).equals(DATA)).toBe(true);
    const probe = await models.fetch(url(), { headers: { Range: 'bytes=0-0' } });
    expect(probe.status).toBe(206);
    await models.download(url()); // complete: nothing to fetch, nothing refused
    expect(host.requests.length).toBe(before);
  });

  it('does not resume a download cut short until allowed', async () => {
    allowed = true;
    host.cut(MODEL, FILE, 1500);
    expect((await refusal(store(0).download(url()))).kind).toBe('unreachable');
    allowed = false;
    const before = host.requests.length;
    const models = store();
    expect((await models.list())[0]).toMatchObject({ complete: false });
    expect((await refusal(models.fetch(url()))).kind).toBe('not-allowed');
    expect(host.requests.length).toBe(before);
  });

  it('downloads as soon as the setting allows it, with the same store', async () => {
    const models = store();
    await refusal(models.fetch(url()));
    allowed = true;
    const response = await models.fetch(url());
    expect(Buffer.from(await response.arrayBuffer()).equals(DATA)).toBe(true);
    expect(host.requestsFor(MODEL, FILE).length).toBeGreaterThan(0);
    expect(asked).toBeGreaterThanOrEqual(2);
  });
});
