// The ONNX graph of a BERT encoder as ONNX Runtime's dynamic int8 quantization leaves it (the
// layout of `Xenova/*` `onnx/model_quantized.onnx`), with random weights:
//
//   word embedding: uint8 Gather → DequantizeLinear (96 MB of the 118 MB for multilingual-e5-small)
//   + position and token-type embeddings (float32) → LayerNormalization
//   each layer: q/k/v/output/MLP matrices as DynamicQuantizeLinear → MatMulInteger → Cast → Mul
//     (scale) → Add (bias); attention as plain MatMul / Softmax with an additive mask; GELU (Erf);
//     LayerNormalization after each residual.
//
// Inputs input_ids, attention_mask, token_type_ids; output last_hidden_state, as transformers.js
// expects of a BERT feature extractor.

import { DT, GraphBuilder } from '../onnx-graph.mjs';
import { randomFloats, randomUint8 } from './weights.mjs';

export function buildBertOnnx(c) {
  const g = new GraphBuilder('bert_standin');
  const d = c.hidden_size;
  const heads = c.num_attention_heads;
  const hd = d / heads;
  const std = 0.02;
  const f32 = (v) => g.constFloat(v);
  const i64 = (v) => g.constInt64(v);

  const layerNorm = (name, x) =>
    g.node(
      'LayerNormalization',
      [
        x,
        g.initializer(`${name}.weight`, new Float32Array(d).fill(1)),
        g.initializer(`${name}.bias`, new Float32Array(d)),
      ],
      { axis: -1, epsilon: { float: c.layer_norm_eps } },
    );
  /** x [.., K] × W [K, N] the way dynamic quantization computes it; `xq` reuses a quantized x. */
  const quantizedLinear = (name, x, k, n, xq = g.node('DynamicQuantizeLinear', [x], {}, 3)) => {
    const w = randomUint8(k, n, std);
    const product = g.node('MatMulInteger', [
      xq[0],
      g.initializer(`${name}.weight_quantized`, w.q, w.dims),
      xq[2],
      g.initializer(`${name}.weight_zero_point`, Uint8Array.of(w.zeroPoint), []),
    ]);
    const scale = g.node('Mul', [
      xq[1],
      g.initializer(`${name}.weight_scale`, Float32Array.of(w.scale), []),
    ]);
    const y = g.node('Mul', [g.node('Cast', [product], { to: DT.float }), scale]);
    return g.node('Add', [y, g.initializer(`${name}.bias`, new Float32Array(n))]);
  };

  const inputIds = g.input('input_ids', DT.int64, ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', DT.int64, ['batch_size', 'sequence_length']);
  const tokenTypes = g.input('token_type_ids', DT.int64, ['batch_size', 'sequence_length']);

  const words = randomUint8(c.vocab_size, d, std);
  const wordRows = g.node('Gather', [
    g.initializer('embeddings.word_embeddings.weight_quantized', words.q, words.dims),
    inputIds,
  ]);
  const wordVectors = g.node('DequantizeLinear', [
    wordRows,
    g.initializer('embeddings.word_embeddings.weight_scale', Float32Array.of(words.scale), []),
    g.initializer('embeddings.word_embeddings.weight_zero_point', Uint8Array.of(128), []),
  ]);
  const seqLen = g.node('Gather', [g.node('Shape', [inputIds]), i64(1)], { axis: 0 });
  const positions = g.node('Range', [i64(0), seqLen, i64(1)]);
  const posTable = randomFloats(c.max_position_embeddings * d, std);
  const typeTable = randomFloats(c.type_vocab_size * d, std);
  let x = g.node('Add', [
    g.node('Add', [
      wordVectors,
      g.node('Gather', [
        g.initializer('embeddings.position_embeddings.weight', posTable, [
          c.max_position_embeddings,
          d,
        ]),
        positions,
      ]),
    ]),
    g.node('Gather', [
      g.initializer('embeddings.token_type_embeddings.weight', typeTable, [c.type_vocab_size, d]),
      tokenTypes,
    ]),
  ]);
  x = layerNorm('embeddings.LayerNorm', x);

  // Additive mask [B, 1, 1, S]: 0 where attended, a large negative number on padding.
  const maskBias = g.node('Mul', [
    g.node('Sub', [
      f32(1),
      g.node('Cast', [g.node('Unsqueeze', [mask, i64([1, 2])])], { to: DT.float }),
    ]),
    f32(-10000),
  ]);
  const splitHeads = (t) =>
    g.node('Transpose', [g.node('Reshape', [t, i64([0, 0, heads, hd])])], { perm: [0, 2, 1, 3] });

  for (let i = 0; i < c.num_hidden_layers; i++) {
    const p = `encoder.layer.${i}`;
    const xq = g.node('DynamicQuantizeLinear', [x], {}, 3);
    const q = splitHeads(quantizedLinear(`${p}.attention.self.query`, x, d, d, xq));
    const k = g.node(
      'Transpose',
      [
        g.node('Reshape', [
          quantizedLinear(`${p}.attention.self.key`, x, d, d, xq),
          i64([0, 0, heads, hd]),
        ]),
      ],
      { perm: [0, 2, 3, 1] },
    );
    const v = splitHeads(quantizedLinear(`${p}.attention.self.value`, x, d, d, xq));
    const scores = g.node('Add', [
      g.node('Div', [g.node('MatMul', [q, k]), f32(Math.sqrt(hd))]),
      maskBias,
    ]);
    const context = g.node('Reshape', [
      g.node('Transpose', [g.node('MatMul', [g.node('Softmax', [scores], { axis: -1 }), v])], {
        perm: [0, 2, 1, 3],
      }),
      i64([0, 0, d]),
    ]);
    const attn = quantizedLinear(`${p}.attention.output.dense`, context, d, d);
    x = layerNorm(`${p}.attention.output.LayerNorm`, g.node('Add', [attn, x]));
    const h = quantizedLinear(`${p}.intermediate.dense`, x, d, c.intermediate_size);
    const gelu = g.node('Mul', [
      g.node('Mul', [
        h,
        g.node('Add', [g.node('Erf', [g.node('Div', [h, f32(Math.SQRT2)])]), f32(1)]),
      ]),
      f32(0.5),
    ]);
    const out = quantizedLinear(`${p}.output.dense`, gelu, c.intermediate_size, d);
    x = layerNorm(`${p}.output.LayerNorm`, g.node('Add', [out, x]));
  }
  g.node('Identity', [x], {}, ['last_hidden_state']);
  g.output('last_hidden_state', DT.float, ['batch_size', 'sequence_length', d]);
  return g.toBytes({
    producer: 'engram standins (random weights)',
    docString: 'A stand-in with the shapes and operators of an int8 BERT export; random weights.',
  });
}
