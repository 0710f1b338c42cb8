import { describe, expect, test } from 'vitest';
import { embeddingModel } from '../../shared/model-registry';
import {
  KNOWN_SENTENCE,
  chooseDevice,
  cosine,
  hasWebGpuAdapter,
  rememberedVerdict,
  verdictKey,
  verifyWebGpu,
  type VerdictStore,
} from './device-choice';

const spec = embeddingModel('Xenova/multilingual-e5-small');

function memoryStore(): VerdictStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('chooseDevice', () => {
  test('WASM without a WebGPU adapter (headless Chromium with --disable-gpu)', () => {
    expect(chooseDevice(false, undefined)).toEqual({ device: 'wasm', webgpu: 'absent' });
    expect(chooseDevice(false, 'verified')).toEqual({ device: 'wasm', webgpu: 'absent' });
  });
  test('WASM while WebGPU is unverified or was rejected; WebGPU once verified', () => {
    expect(chooseDevice(true, undefined)).toEqual({ device: 'wasm', webgpu: 'unverified' });
    expect(chooseDevice(true, 'rejected')).toEqual({ device: 'wasm', webgpu: 'rejected' });
    expect(chooseDevice(true, 'verified')).toEqual({ device: 'webgpu', webgpu: 'verified' });
  });
});

describe('verifyWebGpu', () => {
  const reference = Float32Array.from({ length: 384 }, (_, i) => Math.sin(i));
  test('near-identical vectors verify WebGPU, remembered per model and dtype', async () => {
    const store = memoryStore();
    const texts: string[] = [];
    const result = await verifyWebGpu(
      spec,
      (device, text) => {
        texts.push(`${device}:${text}`);
        return Promise.resolve(
          device === 'wasm' ? reference : reference.map((x) => x * 1.001 + 1e-4),
        );
      },
      store,
    );
    expect(result.verdict).toBe('verified');
    expect(result.cosine).toBeGreaterThan(0.999);
    expect(texts).toEqual([`wasm:${KNOWN_SENTENCE}`, `webgpu:${KNOWN_SENTENCE}`]);
    expect(rememberedVerdict(store, spec.id, spec.dtype.webgpu)).toBe('verified');
    expect(store.items.has(verdictKey(spec.id, 'fp32'))).toBe(true);
  });

  test('wrong vectors (a dtype WebGPU computes badly) reject it', async () => {
    const store = memoryStore();
    const garbage = reference.map((_, i) => (i % 7) - 3);
    const result = await verifyWebGpu(
      spec,
      (device) => Promise.resolve(device === 'wasm' ? reference : garbage),
      store,
    );
    expect(result.verdict).toBe('rejected');
    expect(chooseDevice(true, rememberedVerdict(store, spec.id, 'fp32')).device).toBe('wasm');
  });

  test('a WebGPU failure (NaNs, a crash) rejects it too', async () => {
    for (const webgpu of [
      () => Promise.resolve(reference.map(() => Number.NaN)),
      async () => Promise.reject(new Error('GPUDevice lost')),
    ]) {
      const store = memoryStore();
      const result = await verifyWebGpu(
        spec,
        (device) => (device === 'wasm' ? Promise.resolve(reference) : webgpu()),
        store,
      );
      expect(result.verdict).toBe('rejected');
    }
  });

  test('a stored value that is not a verdict counts as unverified', () => {
    const store = memoryStore();
    store.setItem(verdictKey(spec.id, 'fp32'), 'maybe');
    expect(rememberedVerdict(store, spec.id, 'fp32')).toBeUndefined();
  });
});

test('cosine', () => {
  expect(cosine([1, 0], [1, 0])).toBeCloseTo(1);
  expect(cosine([1, 0], [0, 1])).toBeCloseTo(0);
  expect(cosine([1, 0], [1])).toBeNaN();
});

test('hasWebGpuAdapter: no navigator.gpu, a null adapter, a throwing one, a real one', async () => {
  expect(await hasWebGpuAdapter(undefined)).toBe(false);
  expect(await hasWebGpuAdapter({ requestAdapter: () => Promise.resolve(null) })).toBe(false);
  expect(await hasWebGpuAdapter({ requestAdapter: () => Promise.reject(new Error('x')) })).toBe(
    false,
  );
  expect(await hasWebGpuAdapter({ requestAdapter: () => Promise.resolve({}) })).toBe(true);
});
