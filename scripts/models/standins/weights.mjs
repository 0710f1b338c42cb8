// Random weights for the stand-in models, in the layouts ONNX Runtime's quantized operators read.
//
// Speed and memory depend on shapes and data types, not on values, so the values only have to be
// finite and small enough that 28 layers of them stay finite. Random bytes come from
// crypto.randomFillSync (fast for a gigabyte); nothing here needs to be reproducible.

import crypto from 'node:crypto';

/** Fills a typed array with random bytes in chunks (randomFillSync caps one call at 2 GiB). */
function fillRandom(array) {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const CHUNK = 1 << 28;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    crypto.randomFillSync(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)));
  }
  return array;
}

export const randomBytes = (length) => fillRandom(new Uint8Array(length));

/**
 * `count` floats uniform in [-scale, scale]: random 16-bit integers scaled, which is fast and can
 * never be NaN or infinite (random float32 bit patterns can).
 */
export function randomFloats(count, scale) {
  const ints = fillRandom(new Int16Array(count));
  const out = new Float32Array(count);
  const k = scale / 32768;
  for (let i = 0; i < count; i++) out[i] = ints[i] * k;
  return out;
}

/**
 * A [K, N] weight as MatMulNBits stores it with 4 bits and blocks of `blockSize` along K:
 * B is uint8 [N, K / blockSize, blockSize / 2] (two 4-bit values a byte), scales are float32
 * [N * K / blockSize]; no zero points (symmetric, the zero point defaults to 8). `std` is the
 * dequantized weights' standard deviation: 4-bit values minus 8 have a deviation of about 4.6.
 */
export function random4Bit(k, n, blockSize, std) {
  const blocks = k / blockSize;
  return {
    packed: randomBytes(n * blocks * (blockSize / 2)),
    packedDims: [n, blocks, blockSize / 2],
    scales: new Float32Array(n * blocks).fill(Math.fround(std / 4.6)),
  };
}

/**
 * A [K, N] weight as ONNX Runtime's dynamic int8 quantization stores it for MatMulInteger: uint8
 * values with one float32 scale and one uint8 zero point for the whole tensor.
 */
export function randomUint8(k, n, std) {
  // Uniform bytes minus 128 have a deviation of about 73.9.
  return { q: randomBytes(k * n), dims: [k, n], scale: Math.fround(std / 73.9), zeroPoint: 128 };
}
