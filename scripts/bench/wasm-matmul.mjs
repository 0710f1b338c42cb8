#!/usr/bin/env node
// What one weight matrix costs in ONNX Runtime Web's WASM kernels (run in Node, one thread), by
// storage: 4-bit MatMulNBits (accuracy levels 0 and 4), dynamic int8 (DynamicQuantizeLinear +
// MatMulInteger) and float32 MatMul, for one token (M = 1, decoding) and 64 (prefill). CPU time,
// so a busy machine does not skew it. `node scripts/bench/wasm-matmul.mjs` (issue 13: why the
// 4-bit Qwen3 decodes slowly on WASM).
import * as ort from 'onnxruntime-web/wasm';
import { DT, GraphBuilder } from '../models/onnx-graph.mjs';
import { random4Bit, randomFloats, randomUint8 } from '../models/standins/weights.mjs';

ort.env.wasm.numThreads = 1;
const K = 1024;
const N = 8192;

function model(kind, level = 0) {
  const g = new GraphBuilder('m');
  const a = g.input('a', DT.float, ['m', K]);
  if (kind === 'int4') {
    const w = random4Bit(K, N, 32, 0.02);
    g.initializer('w', w.packed, w.packedDims);
    g.initializer('s', w.scales);
    const attrs = { K, N, bits: 4, block_size: 32, accuracy_level: level };
    g.msNode('MatMulNBits', [a, 'w', 's'], attrs, ['y']);
  } else if (kind === 'int8') {
    const w = randomUint8(K, N, 0.02);
    const xq = g.node('DynamicQuantizeLinear', [a], {}, 3);
    const zero = g.initializer('z', Uint8Array.of(128), []);
    const p = g.node('MatMulInteger', [xq[0], g.initializer('w', w.q, w.dims), xq[2], zero]);
    g.node('Mul', [g.node('Cast', [p], { to: DT.float }), xq[1]], {}, ['y']);
  } else {
    g.initializer('w', randomFloats(K * N, 0.02), [K, N]);
    g.node('MatMul', [a, 'w'], {}, ['y']);
  }
  g.output('y', DT.float, ['m', N]);
  return g.toBytes({ producer: 'wasm-matmul' });
}

console.log(`one ${K} × ${N} weight matrix, onnxruntime-web WASM, 1 thread, CPU ms per run`);
for (const [kind, level] of [['int4', 0], ['int4', 4], ['int8'], ['fp32']]) {
  const session = await ort.InferenceSession.create(model(kind, level));
  for (const M of [1, 64]) {
    const a = new ort.Tensor('float32', randomFloats(M * K, 1), [M, K]);
    await session.run({ a });
    const reps = M === 1 ? 20 : 4;
    const start = process.cpuUsage();
    for (let i = 0; i < reps; i++) await session.run({ a });
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000 / reps;
    const name = kind === 'int4' ? `int4 (accuracy_level ${level})` : kind;
    console.log(
      `${name.padEnd(24)} M=${String(M).padEnd(3)} ${ms.toFixed(1).padStart(7)} ms  ${((2 * M * K * N) / ms / 1e6).toFixed(1)} GFLOP/s`,
    );
  }
}
