/**
 * transformers.js settings for the extension: ONNX Runtime's WASM files come from the extension
 * package (MV3 forbids remote code, and the CSP blocks CDNs); weights come from the packaged
 * fixtures or from the model host, cached in Cache Storage after the first download.
 */
import { env } from '@huggingface/transformers';

export function configureRuntime(modelHost: string): void {
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    wasm.wasmPaths = {
      mjs: chrome.runtime.getURL('ort-wasm-simd-threaded.asyncify.mjs'),
      wasm: chrome.runtime.getURL('ort-wasm-simd-threaded.asyncify.wasm'),
    };
    // Unset, ORT uses one thread when the page is not cross-origin isolated; leave a core free.
    wasm.numThreads = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
  }
  // The test build packages its models; the shipped build downloads them.
  if (__ENGRAM_FIXTURE_MODELS__) {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = chrome.runtime.getURL('models/');
    // The Cache API refuses chrome-extension: URLs; packaged files need no cache anyway.
    env.useBrowserCache = false;
  } else {
    env.allowRemoteModels = true;
    env.allowLocalModels = false;
    env.remoteHost = modelHost;
    env.useBrowserCache = true;
  }
}
