// The ONNX graph of a Qwen3 decoder as ONNX Runtime's model builder exports it for 4-bit CPU/WASM
// (the layout of `onnx-community/Qwen3-*-ONNX` `onnx/model_q4.onnx`), with random weights:
//
//   token embedding: float32 Gather (not quantized: at 151,936 × 1,024 it is two thirds of the file)
//   each layer: SimplifiedLayerNormalization (RMSNorm) → q/k/v MatMulNBits (4-bit, blocks of 32)
//     → per-head RMSNorm of q and k (Qwen3's q_norm/k_norm) → RotaryEmbedding → GroupQueryAttention
//     (16 query heads, 8 key/value heads, KV cache in and out) → o MatMulNBits
//     → SkipSimplifiedLayerNormalization → SwiGLU MLP (gate, up, down MatMulNBits; Sigmoid, Mul)
//   final RMSNorm and the LM head as MatMulNBits (the tied embedding, quantized), logits for every
//   position (the export has no `num_logits_to_keep` input).
//
// Inputs and outputs are named as transformers.js expects: input_ids, attention_mask, position_ids,
// past_key_values.{i}.key/value [batch, kv_heads, past, head_dim]; logits, present.{i}.key/value.

import { DT, GraphBuilder } from '../onnx-graph.mjs';
import { random4Bit, randomFloats } from './weights.mjs';

const BLOCK = 32;

/** The rotary tables RotaryEmbedding reads: cos and sin of position × frequency, [positions, dim/2]. */
function rotaryCaches(positions, headDim, theta) {
  const half = headDim / 2;
  const cos = new Float32Array(positions * half);
  const sin = new Float32Array(positions * half);
  for (let i = 0; i < half; i++) {
    const freq = 1 / theta ** ((2 * i) / headDim);
    for (let p = 0; p < positions; p++) {
      cos[p * half + i] = Math.cos(p * freq);
      sin[p * half + i] = Math.sin(p * freq);
    }
  }
  return { cos, sin, dims: [positions, half] };
}

/**
 * Builds the decoder. `c` is the model's config.json (Hugging Face names); `rotaryPositions` is how
 * many positions the rotary tables cover (the builder uses the context length).
 */
export function buildQwen3Onnx(c, { rotaryPositions = c.max_position_embeddings } = {}) {
  const g = new GraphBuilder('qwen3_standin');
  const d = c.hidden_size;
  const heads = c.num_attention_heads;
  const kvHeads = c.num_key_value_heads;
  const hd = c.head_dim;
  const eps = { float: c.rms_norm_eps };
  const std = 0.02;

  const linear = (name, x, k, n) => {
    const w = random4Bit(k, n, BLOCK, std);
    g.initializer(`${name}.qweight`, w.packed, w.packedDims);
    g.initializer(`${name}.scales`, w.scales);
    return g.msNode('MatMulNBits', [x, `${name}.qweight`, `${name}.scales`], {
      K: k,
      N: n,
      bits: 4,
      block_size: BLOCK,
      accuracy_level: 4,
    });
  };
  const ones = (name, n) => g.initializer(name, new Float32Array(n).fill(1));
  const rmsNorm = (name, x, n) =>
    g.node('SimplifiedLayerNormalization', [x, ones(name, n)], { axis: -1, epsilon: eps });
  /** RMSNorm of x + skip; returns [normed, sum]. */
  const skipNorm = (name, x, skip, n) => {
    const out = [g.fresh('normed'), '', '', g.fresh('residual')];
    g.msNode('SkipSimplifiedLayerNormalization', [x, skip, ones(name, n)], { epsilon: eps }, out);
    return [out[0], out[3]];
  };
  /** Qwen3's q_norm / k_norm: RMSNorm over each head's `hd` values. */
  const headNorm = (name, x, n) =>
    g.node('Reshape', [
      rmsNorm(name, g.node('Reshape', [x, g.constInt64([0, 0, n, hd])]), hd),
      g.constInt64([0, 0, n * hd]),
    ]);

  const inputIds = g.input('input_ids', DT.int64, ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', DT.int64, ['batch_size', 'total_sequence_length']);
  const positionIds = g.input('position_ids', DT.int64, ['batch_size', 'sequence_length']);

  // GroupQueryAttention reads the mask as lengths: attended tokens − 1 per row, and the total.
  const seqlensK = g.node(
    'Cast',
    [
      g.node('Sub', [
        g.node('ReduceSum', [mask, g.constInt64([1])], { keepdims: 0 }),
        g.constInt64(1),
      ]),
    ],
    { to: DT.int32 },
  );
  const totalLen = g.node(
    'Cast',
    [g.node('Gather', [g.node('Shape', [mask]), g.constInt64(1)], { axis: 0 })],
    { to: DT.int32 },
  );

  const rot = rotaryCaches(rotaryPositions, hd, c.rope_theta);
  const cosCache = g.initializer('cos_cache', rot.cos, rot.dims);
  const sinCache = g.initializer('sin_cache', rot.sin, rot.dims);
  const rotary = (x) =>
    g.msNode('RotaryEmbedding', [x, positionIds, cosCache, sinCache], { interleaved: 0 });

  const embed = g.initializer(
    'model.embed_tokens.weight',
    randomFloats(c.vocab_size * d, std * Math.sqrt(3)),
    [c.vocab_size, d],
  );
  let hidden = g.node('Gather', [embed, inputIds], { axis: 0 });
  let normed = rmsNorm('model.layers.0.input_layernorm.weight', hidden, d);
  let residual = hidden;

  for (let i = 0; i < c.num_hidden_layers; i++) {
    const p = `model.layers.${i}`;
    const q = rotary(
      headNorm(
        `${p}.self_attn.q_norm.weight`,
        linear(`${p}.self_attn.q_proj`, normed, d, heads * hd),
        heads,
      ),
    );
    const k = rotary(
      headNorm(
        `${p}.self_attn.k_norm.weight`,
        linear(`${p}.self_attn.k_proj`, normed, d, kvHeads * hd),
        kvHeads,
      ),
    );
    const v = linear(`${p}.self_attn.v_proj`, normed, d, kvHeads * hd);
    const pastKey = g.input(`past_key_values.${i}.key`, DT.float, [
      'batch_size',
      kvHeads,
      'past_sequence_length',
      hd,
    ]);
    const pastValue = g.input(`past_key_values.${i}.value`, DT.float, [
      'batch_size',
      kvHeads,
      'past_sequence_length',
      hd,
    ]);
    const attnOut = g.fresh('attn');
    g.msNode(
      'GroupQueryAttention',
      [q, k, v, pastKey, pastValue, seqlensK, totalLen],
      { num_heads: heads, kv_num_heads: kvHeads, do_rotary: 0 },
      [attnOut, `present.${i}.key`, `present.${i}.value`],
    );
    for (const kind of ['key', 'value']) {
      g.output(`present.${i}.${kind}`, DT.float, [
        'batch_size',
        kvHeads,
        'total_sequence_length',
        hd,
      ]);
    }
    const o = linear(`${p}.self_attn.o_proj`, attnOut, heads * hd, d);
    [normed, residual] = skipNorm(`${p}.post_attention_layernorm.weight`, o, residual, d);
    const gate = linear(`${p}.mlp.gate_proj`, normed, d, c.intermediate_size);
    const up = linear(`${p}.mlp.up_proj`, normed, d, c.intermediate_size);
    const act = g.node('Mul', [g.node('Mul', [gate, g.node('Sigmoid', [gate])]), up]);
    const down = linear(`${p}.mlp.down_proj`, act, c.intermediate_size, d);
    const nextNorm =
      i + 1 < c.num_hidden_layers
        ? `model.layers.${i + 1}.input_layernorm.weight`
        : 'model.norm.weight';
    [normed, residual] = skipNorm(nextNorm, down, residual, d);
  }
  const logits = linear('lm_head', normed, d, c.vocab_size);
  g.node('Identity', [logits], {}, ['logits']);
  g.output('logits', DT.float, ['batch_size', 'sequence_length', c.vocab_size]);
  return g.toBytes({
    producer: 'engram standins (random weights)',
    docString: 'A stand-in with the shapes and operators of a 4-bit Qwen3 export; random weights.',
  });
}
