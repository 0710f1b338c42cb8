/**
 * 1-bit codes of vectors: bit i is set when component i lies above the centre (the corpus mean,
 * or 0). Two codes differ in few bits when their vectors point the same way (the Hamming distance
 * estimates the angle, Charikar 2002), so a scan over codes finds candidates for exact rescoring.
 */

/**
 * Writes the code of values[from, from + dim) × scale into out[offset, offset + words); padding
 * bits past dim stay 0 in every code, so they never add to a distance.
 */
export function writeSignCode(
  values: ArrayLike<number>,
  from: number,
  dim: number,
  scale: number,
  centre: Float32Array | undefined,
  out: Uint32Array,
  offset: number,
  words: number,
): void {
  out.fill(0, offset, offset + words);
  for (let i = 0, word = 0, bit = 1; i < dim; i++) {
    const above = centre
      ? (values[from + i] ?? 0) * scale > (centre[i] ?? 0)
      : (values[from + i] ?? 0) * scale > 0;
    if (above) word |= bit;
    bit <<= 1;
    if ((i & 31) === 31 || i === dim - 1) {
      out[offset + (i >>> 5)] = word;
      word = 0;
      bit = 1;
    }
  }
}
