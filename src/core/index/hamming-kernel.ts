/**
 * The hot loop of dense search: Hamming distances from one query sign code to every row of a
 * contiguous code table, plus a histogram of those distances (so the caller finds the top
 * candidates by threshold instead of sorting). Rows are `lanes` × 128 bits (4 words per lane).
 *
 * Two kernels compute the same thing: WASM SIMD (hamming-wasm.ts) where the runtime has it, and
 * this plain JS one elsewhere, 3–4× slower (scripts/bench/retrieval.ts). Both use one memory
 * laid out by code-store.ts.
 */

export type ScanKernel = (
  queryOff: number,
  codesOff: number,
  rows: number,
  lanes: number,
  distOff: number,
  histOff: number,
) => void;

const M1 = 0x55555555;
const M2 = 0x33333333;
const M4 = 0x0f0f0f0f;

/**
 * SWAR popcount (Hacker's Delight 5-1), four words at a time: after the 2-bit step every nibble
 * holds ≤ 4, so two words' nibbles add without overflow, and four words' bytes sum to ≤ 32 before
 * one multiply folds the bytes. Byte offsets in, like the WASM kernel; all offsets 16-aligned.
 */
export function jsScanKernel(buffer: ArrayBuffer): ScanKernel {
  const u32 = new Uint32Array(buffer);
  const u16 = new Uint16Array(buffer);
  return (queryOff, codesOff, rows, lanes, distOff, histOff) => {
    const q = queryOff >> 2;
    const hist = histOff >> 2;
    const dist = distOff >> 1;
    let b = codesOff >> 2;
    for (let r = 0; r < rows; r++) {
      let d = 0;
      for (let l = 0, w = q; l < lanes; l++, w += 4, b += 4) {
        let x = (u32[b] ?? 0) ^ (u32[w] ?? 0);
        let y = (u32[b + 1] ?? 0) ^ (u32[w + 1] ?? 0);
        let u = (u32[b + 2] ?? 0) ^ (u32[w + 2] ?? 0);
        let v = (u32[b + 3] ?? 0) ^ (u32[w + 3] ?? 0);
        x -= (x >>> 1) & M1;
        y -= (y >>> 1) & M1;
        u -= (u >>> 1) & M1;
        v -= (v >>> 1) & M1;
        x = (x & M2) + ((x >>> 2) & M2) + (y & M2) + ((y >>> 2) & M2);
        u = (u & M2) + ((u >>> 2) & M2) + (v & M2) + ((v >>> 2) & M2);
        x = (x & M4) + ((x >>> 4) & M4) + (u & M4) + ((u >>> 4) & M4);
        d += Math.imul(x, 0x01010101) >>> 24;
      }
      u16[dist + r] = d;
      u32[hist + d] = (u32[hist + d] ?? 0) + 1;
    }
  };
}
