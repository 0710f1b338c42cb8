/**
 * Where and how a model runs: the device (the browser's WASM or WebGPU backend, or Node's CPU
 * backend for benchmarks), ONNX Runtime session options, and how long it may sit unused before
 * it is unloaded. The dtype follows the device (the registry names one per device: some dtypes
 * give wrong results on WebGPU).
 */
import type { PretrainedModelOptions, ProgressCallback } from '@huggingface/transformers';
import type { ModelSpec } from '../../shared/model-registry';
import type { ModelState } from './model-state';

export interface ModelRuntime {
  /** `cpu`: Node's onnxruntime-node, with the dtype the extension runs on WASM. */
  device: 'wasm' | 'webgpu' | 'cpu';
  /** Passed to ONNX Runtime as is (e.g. `intraOpNumThreads` in Node). */
  sessionOptions?: Record<string, unknown>;
  /** Unload after this long unused; 0 or unset keeps the model loaded. */
  idleUnloadMs?: number;
}

export function pipelineOptions(
  spec: ModelSpec,
  runtime: ModelRuntime,
  state: ModelState,
): PretrainedModelOptions {
  const progress: ProgressCallback = state.onProgress;
  return {
    dtype: spec.dtype[runtime.device === 'webgpu' ? 'webgpu' : 'wasm'],
    device: runtime.device,
    // The pinned hub commit (its files' SHA-256 are checked by the model store), else `main`.
    ...(spec.pinned ? { revision: spec.pinned.revision } : {}),
    ...(runtime.sessionOptions ? { session_options: runtime.sessionOptions } : {}),
    // Downloads report through the model store; transformers.js's own events only say how
    // fast it reads finished files back, and asking for them costs a probe request per file.
    ...(__ENGRAM_MODEL_SOURCE__ === 'packaged' ? { progress_callback: progress } : {}),
  };
}
