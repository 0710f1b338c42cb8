/**
 * The models the engine loads. The shipped build downloads real models from the model host (the
 * Hugging Face hub by default) on the user's machine; the fixtures build packages small models the
 * project makes (tests/fixtures/models, see its README) so tests run offline.
 * Issue #3 grows this into a registry with sizes, licences and a settings page.
 */
import type { DataType } from '@huggingface/transformers';

export interface EmbeddingModel {
  id: string;
  dtype: DataType;
  dims: number;
  /** Prompt conventions: e5 models expect `query: ` and `passage: ` prefixes. */
  queryPrefix: string;
  passagePrefix: string;
}

export interface GenerationModel {
  id: string;
  dtype: DataType;
  maxNewTokens: number;
  /** Appended to the user turn; Qwen3 answers directly, without a thinking block, after `/no_think`. */
  userSuffix: string;
}

export interface ModelCatalog {
  /** Models packaged inside the extension (no download, no Cache Storage). */
  packaged: boolean;
  embedding: EmbeddingModel;
  generation: GenerationModel;
}

const shipped: ModelCatalog = {
  packaged: false,
  embedding: {
    id: 'Xenova/multilingual-e5-small',
    dtype: 'q8',
    dims: 384,
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
  },
  generation: {
    id: 'onnx-community/Qwen3-0.6B-ONNX',
    dtype: 'q4',
    maxNewTokens: 384,
    userSuffix: ' /no_think',
  },
};

const fixtures: ModelCatalog = {
  packaged: true,
  embedding: {
    id: 'engram/glove-100d-static',
    dtype: 'q8',
    dims: 100,
    queryPrefix: '',
    passagePrefix: '',
  },
  generation: { id: 'engram/tiny-gpt', dtype: 'q8', maxNewTokens: 64, userSuffix: '' },
};

export const catalog: ModelCatalog = __ENGRAM_FIXTURE_MODELS__ ? fixtures : shipped;
