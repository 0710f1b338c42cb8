/**
 * The registered embedding models (src/shared/model-registry.ts), loaded with transformers.js in
 * Node the way the engine's Embedder uses them: the WASM dtype, mean pooling, normalised, the
 * model's query/passage prefixes. Fixtures load offline from tests/fixtures/models; the others
 * come from the Hugging Face hub.
 */
import { env, pipeline } from '@huggingface/transformers';
import { fileURLToPath } from 'node:url';
import { FIXTURE_EMBEDDING_MODEL, type EmbeddingModelSpec } from '../../src/shared/model-registry';
import type { Embed } from './evaluate';

export const FIXTURE_MODELS_DIR = fileURLToPath(
  new URL('../../tests/fixtures/models/', import.meta.url),
);

export const DEFAULT_EVAL_MODEL: string = FIXTURE_EMBEDDING_MODEL;

/** The dense weight the engine fuses with (measured by this eval; see the registry). */
export const denseWeightOf = (spec: EmbeddingModelSpec): number => spec.denseWeight;

const BATCH = 16;

/** Loads the model and returns its embed function; fails with a message that says where from. */
export async function loadEmbedder(
  spec: EmbeddingModelSpec,
): Promise<{ embed: Embed; dispose: () => Promise<void> }> {
  const local = spec.fixture === true;
  env.allowLocalModels = true;
  env.localModelPath = FIXTURE_MODELS_DIR;
  env.allowRemoteModels = !local;
  // The dtype the extension runs on CPU (WASM); onnxruntime-node runs the same weights.
  const dtype = spec.dtype.wasm;
  let extractor;
  try {
    extractor = await pipeline('feature-extraction', spec.id, { dtype });
  } catch (error) {
    const where = local
      ? `from ${FIXTURE_MODELS_DIR}`
      : `from the Hugging Face hub (${env.remoteHost}); this machine may not reach it`;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load ${spec.id} (${dtype}) ${where}: ${reason}`, { cause: error });
  }
  const embed: Embed = async (texts, kind) => {
    const prefix = kind === 'query' ? spec.queryPrefix : spec.passagePrefix;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH).map((t) => prefix + t);
      const output = await extractor(batch, { pooling: 'mean', normalize: true });
      const dims = output.dims[1] ?? 0;
      const data = output.data as Float32Array;
      for (let row = 0; row < batch.length; row++) {
        vectors.push(data.slice(row * dims, (row + 1) * dims));
      }
    }
    return vectors;
  };
  return { embed, dispose: () => extractor.dispose() };
}
