// Builds `engram/tiny-gpt`: a tiny GPT-2-style decoder with a KV cache, a byte-level tokenizer and
// a ChatML chat template, in the Hugging Face hub layout transformers.js 4.x loads.
//
// It exists for plumbing and timing, not for answers: whatever the prompt, it streams REPLY_TEXT
// (one token per byte) and then <|im_end|> (see tiny-gpt-graph.mjs for how).
//
// Two files carry the same weights: onnx/model.onnx (float32, dtype 'fp32', the Node default)
// and onnx/model_quantized.onnx (int8 weights with DequantizeLinear, dtype 'q8', the WASM
// default). Both produce the same tokens.

import fs from 'node:fs';
import path from 'node:path';
import {
  buildDecoderOnnx,
  D,
  drawWeights,
  ENDOFTEXT_ID,
  FF,
  H,
  IM_END_ID,
  IM_START_ID,
  LAYERS,
  LN_EPS,
  MAX_POSITIONS,
  REPLY_TEXT,
  VOCAB,
} from './tiny-gpt-graph.mjs';

export const TINY_GPT_MODEL_ID = 'engram/tiny-gpt';

/**
 * GPT-2's byte-to-character table: byte-level BPE spells every byte as a printable character so
 * that the vocabulary can be JSON. Printable Latin-1 bytes map to themselves, the rest to U+0100+.
 */
function bytesToUnicode() {
  const printable = [];
  const ranges = [
    [0x21, 0x7e],
    [0xa1, 0xac],
    [0xae, 0xff],
  ];
  for (const [lo, hi] of ranges) for (let b = lo; b <= hi; b++) printable.push(b);
  const table = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = String.fromCodePoint(printable.includes(b) ? b : 256 + extra++);
  }
  return table;
}

function tokenizerJson() {
  return byteTokenizerJson([
    [ENDOFTEXT_ID, '<|endoftext|>'],
    [IM_START_ID, '<|im_start|>'],
    [IM_END_ID, '<|im_end|>'],
  ]);
}

/**
 * A byte-level BPE tokenizer.json with no merges (one token per byte, ids 0-255) and the given
 * special tokens (`[id, content]` pairs); also used by tiny-whisper.mjs.
 */
export function byteTokenizerJson(specials) {
  const byteChars = bytesToUnicode();
  const vocab = Object.fromEntries(byteChars.map((ch, b) => [ch, b]));
  for (const [id, content] of specials) vocab[content] = id;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map(([id, content]) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: {
      type: 'ByteLevel',
      add_prefix_space: false,
      trim_offsets: true,
      use_regex: true,
    },
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    // No merges: every byte is one token, so text costs one token per byte.
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: [],
    },
  };
}

// ChatML, as Qwen and SmolLM use it: each message is <|im_start|>role\ncontent<|im_end|>\n.
const CHAT_TEMPLATE =
  "{%- for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{%- endfor %}" +
  "{%- if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{%- endif %}";

function tokenizerConfigJson() {
  return {
    tokenizer_class: 'Qwen2Tokenizer',
    add_bos_token: false,
    add_eos_token: false,
    add_prefix_space: false,
    bos_token: null,
    eos_token: '<|im_end|>',
    pad_token: '<|endoftext|>',
    unk_token: null,
    additional_special_tokens: ['<|im_start|>', '<|im_end|>'],
    chat_template: CHAT_TEMPLATE,
    clean_up_tokenization_spaces: false,
    // The text-generation pipeline truncates prompts to this; byte tokens make prompts long.
    model_max_length: MAX_POSITIONS,
    split_special_tokens: false,
  };
}

function configJson() {
  return {
    architectures: ['GPT2LMHeadModel'],
    model_type: 'gpt2',
    vocab_size: VOCAB,
    n_embd: D,
    n_head: H,
    n_layer: LAYERS,
    n_inner: FF,
    n_positions: MAX_POSITIONS,
    n_ctx: MAX_POSITIONS,
    activation_function: 'quick_gelu',
    layer_norm_epsilon: LN_EPS,
    tie_word_embeddings: false,
    use_cache: true,
    bos_token_id: ENDOFTEXT_ID,
    eos_token_id: IM_END_ID,
    pad_token_id: ENDOFTEXT_ID,
    engram_fixture: {
      kind: 'tiny GPT-2-style decoder, seeded random weights, fixed reply',
      reply: REPLY_TEXT,
      reply_tokens: REPLY_TEXT.length,
      positions: 'sinusoidal, computed in the graph (no length limit)',
      files: { fp32: 'onnx/model.onnx', q8: 'onnx/model_quantized.onnx (int8 weights)' },
    },
  };
}

function generationConfigJson() {
  return {
    bos_token_id: ENDOFTEXT_ID,
    eos_token_id: [IM_END_ID, ENDOFTEXT_ID],
    pad_token_id: ENDOFTEXT_ID,
    do_sample: false,
  };
}

/** Writes the model folder; returns a summary for the log. */
export function buildTinyGpt({ outDir }) {
  const weights = drawWeights();
  const fp32 = buildDecoderOnnx(weights, { quantized: false });
  const q8 = buildDecoderOnnx(weights, { quantized: true });

  fs.mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const writeJson = (name, value) =>
    fs.writeFileSync(path.join(outDir, name), `${JSON.stringify(value, null, 2)}\n`);
  writeJson('config.json', configJson());
  writeJson('generation_config.json', generationConfigJson());
  writeJson('tokenizer.json', tokenizerJson());
  writeJson('tokenizer_config.json', tokenizerConfigJson());
  fs.writeFileSync(path.join(outDir, 'onnx', 'model.onnx'), fp32);
  fs.writeFileSync(path.join(outDir, 'onnx', 'model_quantized.onnx'), q8);
  return { replyTokens: REPLY_TEXT.length + 1 };
}
