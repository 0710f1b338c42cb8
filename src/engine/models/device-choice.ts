/**
 * Which device runs the models: WebGPU only where the browser has an adapter AND the embedding
 * model was verified on it (some dtypes give wrong vectors on WebGPU), else WASM. The check embeds
 * a known sentence on both devices and compares; its verdict is remembered per model and dtype,
 * so it runs once, in the background, after the model is ready on WASM; the next engine start
 * uses WebGPU if it passed. Vectors made on one device must be usable with the other's, which is
 * why the bar is a near-identical cosine, not "close enough to rank".
 */
import type { EngineRuntime } from '../../shared/engine-info';
import type { Dtype, EmbeddingModelSpec } from '../../shared/model-registry';

// i18n-exempt: a test input for the embedding model, never shown to the user
export const KNOWN_SENTENCE = 'Engram remembers the pages you read, on your own device.';
/** Cosine between the WASM and the WebGPU vector of the known sentence needed to trust WebGPU. */
export const MIN_COSINE = 0.99;

export type WebGpuVerdict = 'verified' | 'rejected';

/** Where verdicts are remembered (localStorage in the engine document). */
export interface VerdictStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const verdictKey = (model: string, dtype: Dtype): string =>
  `engram.webgpu.${model}.${dtype}`;

export function rememberedVerdict(
  store: VerdictStore,
  model: string,
  dtype: Dtype,
): WebGpuVerdict | undefined {
  const value = store.getItem(verdictKey(model, dtype));
  return value === 'verified' || value === 'rejected' ? value : undefined;
}

/** The device to load models on, and what is known about WebGPU. */
export function chooseDevice(
  hasAdapter: boolean,
  verdict: WebGpuVerdict | undefined,
): { device: 'wasm' | 'webgpu'; webgpu: EngineRuntime['webgpu'] } {
  if (!hasAdapter) return { device: 'wasm', webgpu: 'absent' };
  if (verdict === 'verified') return { device: 'webgpu', webgpu: 'verified' };
  return { device: 'wasm', webgpu: verdict ?? 'unverified' };
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return Number.NaN;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

/**
 * Embed the known sentence on WASM and on WebGPU (with `embedOn`), compare, remember the verdict.
 * A WebGPU failure (no shader support, a crash) is a rejection too.
 */
export async function verifyWebGpu(
  spec: EmbeddingModelSpec,
  embedOn: (device: 'wasm' | 'webgpu', text: string) => Promise<Float32Array>,
  store: VerdictStore,
): Promise<{ verdict: WebGpuVerdict; cosine: number }> {
  const reference = await embedOn('wasm', KNOWN_SENTENCE);
  let similarity = Number.NaN;
  try {
    similarity = cosine(reference, await embedOn('webgpu', KNOWN_SENTENCE));
  } catch (error) {
    console.warn(`Engram: ${spec.id} failed on WebGPU:`, error);
  }
  const verdict: WebGpuVerdict = similarity >= MIN_COSINE ? 'verified' : 'rejected';
  store.setItem(verdictKey(spec.id, spec.dtype.webgpu), verdict);
  return { verdict, cosine: similarity };
}

/** Whether the browser offers a WebGPU adapter (none in headless Chromium with --disable-gpu). */
export async function hasWebGpuAdapter(gpu: unknown): Promise<boolean> {
  const api = gpu as { requestAdapter?: () => Promise<unknown> } | undefined;
  if (typeof api?.requestAdapter !== 'function') return false;
  try {
    return (await api.requestAdapter()) != null;
  } catch {
    return false;
  }
}
