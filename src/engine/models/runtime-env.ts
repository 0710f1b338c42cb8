/**
 * transformers.js settings for the extension: ONNX Runtime's WASM files come from the extension
 * package (MV3 forbids remote code, and the CSP blocks CDNs); weights come from the packaged
 * fixtures (`__ENGRAM_MODEL_SOURCE__` 'packaged') or from the model host through Engram's model
 * store: ranged, resumable, verified downloads kept in Cache Storage, in chunks of
 * `__ENGRAM_DOWNLOAD_CHUNK_BYTES__` (see model-store.ts for why both env.fetch and customCache).
 */
import { env } from '@huggingface/transformers';
import type { ProgressListener } from '../downloads/download-progress';
import { ModelStore } from '../downloads/model-store';
import { pinnedFile } from '../../shared/model-registry';

export async function configureRuntime(
  modelHost: string,
  onDownload: ProgressListener,
  /** Whether the user has agreed to download models (see ModelStoreOptions.mayDownload). */
  mayDownload: () => Promise<boolean>,
): Promise<ModelStore | undefined> {
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    wasm.wasmPaths = {
      mjs: chrome.runtime.getURL('ort-wasm-simd-threaded.asyncify.mjs'),
      wasm: chrome.runtime.getURL('ort-wasm-simd-threaded.asyncify.wasm'),
    };
    // Unset, ORT uses one thread when the page is not cross-origin isolated; leave a core free.
    wasm.numThreads = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
  }
  // The packaged test build ships its models; the other builds download them.
  if (__ENGRAM_MODEL_SOURCE__ === 'packaged') {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = chrome.runtime.getURL('models/');
    // The Cache API refuses chrome-extension: URLs; packaged files need no cache anyway.
    env.useBrowserCache = false;
    return undefined;
  }
  const store = await ModelStore.open({
    host: modelHost,
    onProgress: onDownload,
    chunkSize: __ENGRAM_DOWNLOAD_CHUNK_BYTES__,
    mayDownload,
    // The registry's pins (size and SHA-256 per file at a hub commit), where it has them.
    integrity: (ref) => pinnedFile(ref.model, ref.revision, ref.file),
  });
  env.allowRemoteModels = true;
  env.allowLocalModels = false;
  env.remoteHost = modelHost;
  env.useBrowserCache = false; // The store is the cache: transformers-cache would keep a 2nd copy.
  env.useCustomCache = true;
  env.customCache = store; // Hits: no request at all, not even size probes.
  env.fetch = store.fetch; // Misses: ranged, resumable, verified downloads.
  return store;
}
