// The ONNX graph and weights of `engram/tiny-gpt` (see tiny-gpt.mjs for the files around it).
//
// A GPT-2-style decoder: token embedding plus sinusoidal positions, LAYERS pre-norm blocks of
// multi-head attention with a KV cache and an MLP, a final LayerNorm and an LM head. Its weights
// are seeded random, drawn as int8 values times a per-column scale, so the float32 file holds
// exactly what the int8 file dequantizes to.
//
// On top of the random logits the graph adds a large bias towards REPLY_TEXT, one byte per step
// counted from the end of the prompt, then <|im_end|>: every prompt streams the same reply and
// stops by itself, while each step still costs what a real (if small) transformer costs.

import { DT, GraphBuilder } from './onnx-graph.mjs';

/** The reply every prompt gets (ASCII, so one token per character). */
export const REPLY_TEXT = "This is a fixed reply from Engram's tiny test model.";

const SEED = 0x656e6772; // "engr"
export const D = 128; // hidden size
export const H = 4; // attention heads
const DH = D / H; // head size
export const LAYERS = 2;
export const FF = 4 * D; // MLP width
export const LN_EPS = 1e-5;
/** Sinusoidal positions are computed in the graph, so any length works; this is only advertised. */
export const MAX_POSITIONS = 32768;
/** Added to the reply token's logit; the random logits have standard deviation ~0.23, max ~1. */
const REPLY_LOGIT = 20;

// Vocabulary: ids 0-255 are the bytes (in GPT-2's printable-character spelling), then specials.
export const ENDOFTEXT_ID = 256;
export const IM_START_ID = 257;
export const IM_END_ID = 258;
export const VOCAB = 259;

/** mulberry32: a small seeded PRNG with 32-bit integer state, the same on every platform. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random [rows, cols] matrix drawn as int8 values in [-127, 127] times one float32 scale per
 * column (per row when `scaleAxis` is 0), uniform with standard deviation `std`.
 */
function randomInt8Matrix(random, rows, cols, std, scaleAxis = 1) {
  const q = new Int8Array(rows * cols);
  for (let i = 0; i < q.length; i++) q[i] = Math.floor(random() * 255) - 127;
  // A uniform variable on [-m, m] has standard deviation m / sqrt(3).
  const scale = Math.fround((std * Math.sqrt(3)) / 127);
  const scales = new Float32Array(scaleAxis === 1 ? cols : rows).fill(scale);
  return { q, scales, rows, cols, scaleAxis };
}

function dequantize({ q, scales, cols, scaleAxis }) {
  return Float32Array.from(
    q,
    (v, i) => v * scales[scaleAxis === 1 ? i % cols : Math.floor(i / cols)],
  );
}

/** All weights, drawn in a fixed order from one seed. */
export function drawWeights() {
  const random = mulberry32(SEED);
  const layers = [];
  const wte = randomInt8Matrix(random, VOCAB, D, 1, 0);
  for (let i = 0; i < LAYERS; i++) {
    layers.push({
      qkv: randomInt8Matrix(random, D, 3 * D, 1 / Math.sqrt(D)),
      out: randomInt8Matrix(random, D, D, 0.5 / Math.sqrt(D)),
      fc: randomInt8Matrix(random, D, FF, 1 / Math.sqrt(D)),
      proj: randomInt8Matrix(random, FF, D, 0.5 / Math.sqrt(FF)),
    });
  }
  const lmHead = randomInt8Matrix(random, D, VOCAB, 0.02);
  // Layer 0's value component 0 of head 0 carries the prompt-end tag (see buildGraph): zero the
  // row of the attention output projection that reads it, so the tag cannot reach the output.
  layers[0].out.q.fill(0, 0, layers[0].out.cols);
  return { wte, layers, lmHead };
}

/**
 * The decoder graph as ONNX bytes. `quantized` picks how the weight matrices are stored; the
 * computation is the same. Inputs and outputs follow the names transformers.js uses for GPT-2.
 */
export function buildDecoderOnnx(weights, { quantized }) {
  const g = new GraphBuilder(quantized ? 'tiny_gpt_q8' : 'tiny_gpt');
  const f32 = (v) => g.constFloat(v);
  const i64 = (v) => g.constInt64(v);

  // A weight matrix: a float initializer, or int8 + per-axis scale through DequantizeLinear.
  const matrix = (name, w) => {
    if (!quantized) return g.initializer(name, dequantize(w), [w.rows, w.cols]);
    g.initializer(`${name}.int8`, w.q, [w.rows, w.cols]);
    g.initializer(`${name}.scale`, w.scales);
    return g.node('DequantizeLinear', [`${name}.int8`, `${name}.scale`], { axis: w.scaleAxis });
  };
  const vector = (name, length, value) =>
    g.initializer(name, new Float32Array(length).fill(value), [length]);
  const layerNorm = (x, name) =>
    g.node(
      'LayerNormalization',
      [x, vector(`${name}.weight`, D, 1), vector(`${name}.bias`, D, 0)],
      {
        axis: -1,
        epsilon: { float: LN_EPS },
      },
    );
  const linear = (x, name, w) =>
    g.node('Add', [
      g.node('MatMul', [x, matrix(`${name}.weight`, w)]),
      vector(`${name}.bias`, w.cols, 0),
    ]);

  // Inputs. The past dims must be named `batch_size` and numbers for heads and head size:
  // transformers.js reads them from the session metadata to make the empty first-step cache.
  const inputIds = g.input('input_ids', DT.int64, ['batch_size', 'sequence_length']);
  const attentionMask = g.input('attention_mask', DT.int64, [
    'batch_size',
    'total_sequence_length',
  ]);
  const positionIds = g.input('position_ids', DT.int64, ['batch_size', 'sequence_length']);
  for (let i = 0; i < LAYERS; i++) {
    for (const kind of ['key', 'value']) {
      g.input(`past_key_values.${i}.${kind}`, DT.float, [
        'batch_size',
        H,
        'past_sequence_length',
        DH,
      ]);
    }
  }

  // Lengths: S new tokens, T = past + S keys.
  const seqLen = g.node('Gather', [g.node('Shape', [inputIds]), i64(1)], { axis: 0 });
  const totalLen = g.node('Gather', [g.node('Shape', [attentionMask]), i64(1)], { axis: 0 });
  const pastLen = g.node('Sub', [totalLen, seqLen]);
  const positions = g.node('Cast', [positionIds], { to: DT.float }); // [B, S]

  // Attention bias [B, 1, S, T]: 0 where a query may look (causal, not padding), else -1e9.
  const keyIndex = g.node('Range', [i64(0), totalLen, i64(1)]); // [T]
  const queryIndex = g.node('Range', [pastLen, totalLen, i64(1)]); // [S], as key indices
  const causal = g.node('LessOrEqual', [
    g.node('Unsqueeze', [keyIndex, i64([0])]),
    g.node('Unsqueeze', [queryIndex, i64([1])]),
  ]); // [S, T]
  const notPadding = g.node('Unsqueeze', [
    g.node('Cast', [attentionMask], { to: DT.bool }),
    i64([1, 2]),
  ]);
  const allowed = g.node('And', [causal, notPadding]); // [B, 1, S, T]
  const attentionBias = g.node('Where', [allowed, f32(0), f32(-1e9)]);

  // Token embedding plus sinusoidal position embedding (Vaswani et al. 2017), computed here so
  // the model takes any length and the file holds no transcendental constants.
  const exponents = Float32Array.from({ length: D / 2 }, (_, k) => (-2 * k) / D);
  const invFreq = g.node('Pow', [f32(10000), g.initializer('position.exponents', exponents)]);
  // [B, S, D/2]
  const angles = g.node('Mul', [g.node('Unsqueeze', [positions, i64([2])]), invFreq]);
  const positionEmbedding = g.node('Concat', [g.node('Sin', [angles]), g.node('Cos', [angles])], {
    axis: -1,
  });
  const wte = matrix('wte.weight', weights.wte);
  let x = g.node('Add', [g.node('Gather', [wte, inputIds], { axis: 0 }), positionEmbedding]);

  // The reply counter needs to know where the prompt ended, in every later step too, so it keeps
  // that in the KV cache: layer 0, head 0, value component 0 holds a tag per position, the
  // position itself for the last token of a prompt call (more than one token, or an empty cache)
  // and -1 elsewhere. The output projection ignores that component (its row of weights is zero),
  // so the tag never reaches the transformer's output.
  const isPromptCall = g.node('Or', [
    g.node('Greater', [seqLen, i64(1)]),
    g.node('Equal', [pastLen, i64(0)]),
  ]);
  const isLastToken = g.node('Equal', [
    g.node('Range', [i64(0), seqLen, i64(1)]),
    g.node('Sub', [seqLen, i64(1)]),
  ]); // [S]
  const marksPromptEnd = g.node('And', [isLastToken, isPromptCall]);
  const tag = g.node('Where', [marksPromptEnd, positions, f32(-1)]); // [B, S]
  const tagSlot = new Float32Array(H * DH);
  tagSlot[0] = 1;
  const tagMask = g.initializer('tag.slot', tagSlot, [1, H, 1, DH]);
  const keepMask = g.initializer(
    'tag.keep',
    tagSlot.map((v) => 1 - v),
    [1, H, 1, DH],
  );

  const heads = (t) =>
    g.node('Transpose', [g.node('Reshape', [t, i64([0, 0, H, DH])])], { perm: [0, 2, 1, 3] });
  let layer0Values = null;

  weights.layers.forEach((w, i) => {
    const p = `h.${i}`;
    const [q, k, v] = g.node(
      'Split',
      [linear(layerNorm(x, `${p}.ln_1`), `${p}.attn.c_attn`, w.qkv), i64([D, D, D])],
      { axis: 2 },
      3,
    );
    let vHeads = heads(v);
    if (i === 0) {
      const tag4 = g.node('Unsqueeze', [tag, i64([1, 3])]); // [B, 1, S, 1]
      vHeads = g.node('Add', [g.node('Mul', [vHeads, keepMask]), g.node('Mul', [tag4, tagMask])]);
    }
    const keys = g.node(
      'Concat',
      [`past_key_values.${i}.key`, heads(k)],
      { axis: 2 },
      `present.${i}.key`,
    );
    const values = g.node(
      'Concat',
      [`past_key_values.${i}.value`, vHeads],
      { axis: 2 },
      `present.${i}.value`,
    );
    if (i === 0) layer0Values = values;

    const scores = g.node('Add', [
      g.node('Mul', [
        g.node('MatMul', [heads(q), g.node('Transpose', [keys], { perm: [0, 1, 3, 2] })]),
        f32(1 / Math.sqrt(DH)),
      ]),
      attentionBias,
    ]);
    const context = g.node('MatMul', [g.node('Softmax', [scores], { axis: -1 }), values]);
    const merged = g.node('Reshape', [
      g.node('Transpose', [context], { perm: [0, 2, 1, 3] }),
      i64([0, 0, D]),
    ]);
    x = g.node('Add', [x, linear(merged, `${p}.attn.c_proj`, w.out)]);

    const hidden = linear(layerNorm(x, `${p}.ln_2`), `${p}.mlp.c_fc`, w.fc);
    // quick_gelu: x * sigmoid(1.702 x); Gelu itself only arrived in opset 20.
    const activated = g.node('Mul', [
      hidden,
      g.node('Sigmoid', [g.node('Mul', [hidden, f32(1.702)])]),
    ]);
    x = g.node('Add', [x, linear(activated, `${p}.mlp.c_proj`, w.proj)]);
  });

  const lmLogits = g.node('MatMul', [
    layerNorm(x, 'ln_f'),
    matrix('lm_head.weight', weights.lmHead),
  ]);

  // Reply counter: steps since the prompt ended = position - latest visible prompt-end tag.
  const tags = g.node('Unsqueeze', [
    g.node('Squeeze', [
      g.node('Slice', [layer0Values, i64([0, 0]), i64([1, 1]), i64([1, 3])]),
      i64([1, 3]),
    ]),
    i64([1]),
  ]); // [B, 1, T]
  const visibleTags = g.node('Where', [
    g.node('Squeeze', [allowed, i64([1])]), // [B, S, T]
    tags,
    f32(-1),
  ]);
  const promptEnd = g.node('ReduceMax', [visibleTags], { axes: [2], keepdims: 0 }); // [B, S]
  const replyIds = BigInt64Array.from([...Buffer.from(REPLY_TEXT, 'latin1'), IM_END_ID], BigInt);
  const step = g.node(
    'Cast',
    [g.node('Clip', [g.node('Sub', [positions, promptEnd]), f32(0), f32(replyIds.length - 1)])],
    {
      to: DT.int64,
    },
  );
  const replyToken = g.node('Gather', [g.initializer('reply.token_ids', replyIds), step], {
    axis: 0,
  });
  const replyBias = g.node('OneHot', [replyToken, i64(VOCAB), f32([0, REPLY_LOGIT])], { axis: -1 });
  g.node('Add', [lmLogits, replyBias], {}, 'logits');

  g.output('logits', DT.float, ['batch_size', 'sequence_length', VOCAB]);
  for (let i = 0; i < LAYERS; i++) {
    for (const kind of ['key', 'value']) {
      g.output(`present.${i}.${kind}`, DT.float, ['batch_size', H, 'total_sequence_length', DH]);
    }
  }
  return g.toBytes({
    producer: 'engram scripts/models/make-fixture-models.mjs',
    docString: `Tiny GPT-2-style decoder with seeded random weights and a fixed reply: ${REPLY_TEXT}`,
  });
}
