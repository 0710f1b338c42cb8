/**
 * transformers.js itself loading models through the store (`env.fetch` + `env.customCache`) from a
 * hub-layout host on 127.0.0.1, as the extension's engine will: the same pipeline calls, the same
 * requests, onnxruntime-node instead of WASM.
 */
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../../tests/fixtures/memory-cache';
import { ModelHost } from '../../../tests/fixtures/model-host';
import type { ModelProgress } from './download-progress';
import { downloadFailureOf } from './model-download-error';
import { ModelStore } from './model-store';

const GLOVE = 'engram/glove-100d-static';
const ONNX = 'onnx/model_quantized.onnx'; // 5.2 MB: six 1 MiB chunks
const MiB = 1024 * 1024;

let host: ModelHost;
const cache = new MemoryCache();

/** A store, as the engine makes one at start, wired the way runtime-env.ts will wire it. */
function useStore(onProgress?: (p: ModelProgress) => void): ModelStore {
  const store = new ModelStore({
    host: host.url,
    cache,
    chunkSize: MiB,
    retryDelayMs: 0,
    freeSpace: () => Promise.resolve(undefined),
    ...(onProgress && { onProgress }),
  });
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = host.url;
  env.useBrowserCache = false;
  env.useFSCache = false; // Node only: the browser has no file system cache
  env.useCustomCache = true;
  env.customCache = store;
  env.fetch = store.fetch;
  return store;
}

async function embed(extractor: FeatureExtractionPipeline): Promise<number[][]> {
  const output = await extractor(['The cat sat on the mat.'], { pooling: 'mean', normalize: true });
  return output.tolist() as number[][];
}

beforeAll(async () => {
  host = await ModelHost.start();
});

afterAll(async () => {
  await host.stop();
});

describe('transformers.js through the model store', () => {
  let first: number[][] = [];

  it('downloads a model on first use, resuming a cut, with progress per model', async () => {
    host.cut(GLOVE, ONNX, 2 * MiB + 10);
    const progress: ModelProgress[] = [];
    useStore((p) => progress.push(p));

    const extractor = await pipeline('feature-extraction', GLOVE, { dtype: 'q8', device: 'cpu' });
    first = await embed(extractor);
    await extractor.dispose();

    expect(first[0]).toHaveLength(100);
    const chunks = [0, 1, 2, 3, 4].map((i) => `bytes=${i * MiB}-${(i + 1) * MiB - 1}`);
    expect(host.requestsFor(GLOVE, ONNX).map((r) => r.range)).toEqual([
      ...chunks.slice(0, 3),
      ...chunks.slice(2), // only the cut chunk again, then the rest
    ]);
    expect(progress.at(-1)).toMatchObject({ model: GLOVE, percent: 100, done: true });
    const [model] = await new ModelStore({ host: host.url, cache }).list();
    expect(model?.files.map((f) => f.file).sort()).toEqual([
      'config.json',
      ONNX,
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect(model?.complete).toBe(true);
  });

  it('loads it again from the cache without a single request', async () => {
    const before = host.requests.length;
    useStore(); // a fresh store over the same cache: the browser was restarted
    const extractor = await pipeline('feature-extraction', GLOVE, {
      dtype: 'q8',
      device: 'cpu',
      progress_callback: () => undefined, // with it transformers.js probes sizes: from the cache too
    });
    expect(await embed(extractor)).toEqual(first);
    await extractor.dispose();
    expect(host.requests.length).toBe(before);
  });

  it('fails with unreachable when the host is down', async () => {
    useStore();
    host.down = true;
    try {
      await expect(pipeline('feature-extraction', 'acme/never-loaded')).rejects.toMatchObject({
        name: 'ModelDownloadError',
        kind: 'unreachable',
      });
    } finally {
      host.down = false;
    }
  });

  it('fails with not-found for a model the host does not have', async () => {
    useStore();
    const error: unknown = await pipeline('feature-extraction', 'acme/absent').catch(
      (e: unknown) => e,
    );
    expect(downloadFailureOf(error)).toMatchObject({ kind: 'not-found', status: 401 });
  });
});
