/** Build-time constants, set by vite.config.ts (and vitest.config.ts for the unit tests). */
/** The project's fixture models are the default models (both test flavours). */
declare const __ENGRAM_FIXTURE_MODELS__: boolean;
/** Where model weights come from: packaged in the extension, or downloaded from a model host. */
declare const __ENGRAM_MODEL_SOURCE__: 'packaged' | 'host';
/** The modelHost setting's default, in the hub's URL layout (ends in `/`). */
declare const __ENGRAM_DEFAULT_MODEL_HOST__: string;
/** Bytes per Range request and per stored part of a model download. */
declare const __ENGRAM_DOWNLOAD_CHUNK_BYTES__: number;
/**
 * The modelDownloads setting's default: 'ask' in the shipped build (nothing large is downloaded
 * before the user agrees, issue 10); 'allowed' where the models are packaged (nothing to download)
 * and in the hosted test build (downloads.e2e.test.ts tests the downloads themselves).
 */
declare const __ENGRAM_MODEL_DOWNLOADS__: 'ask' | 'allowed';
declare const __ENGRAM_VERSION__: string;
