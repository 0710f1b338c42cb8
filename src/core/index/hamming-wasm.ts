/**
 * The WASM SIMD scan kernel (same contract as jsScanKernel): i8x16.popcnt over 128-bit lanes,
 * Chrome 91+, Firefox 89+, Node 16.4+. The module is assembled here, specialised to the row width
 * (every lane unrolled, the query held in registers), so building the extension needs no WASM
 * toolchain. Per row, for 3 lanes (384 dims) its text form is:
 *
 *   $acc = i8x16.popcnt(v128.xor (v128.load offset=0 $p) $q0)
 *        + i8x16.popcnt(v128.xor (v128.load offset=16 $p) $q1)
 *        + i8x16.popcnt(v128.xor (v128.load offset=32 $p) $q2)     ;; bytes ≤ 8 × lanes
 *   $acc = i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u $acc)
 *   $d = lane0 + lane1 + lane2 + lane3;  $p += 48
 *   (i32.store16 $dist $d)  (hist[$d] += 1)  $dist += 2;  (br_if $row (i32.lt_u $dist $end))
 */
import type { ScanKernel } from './hamming-kernel';

/** Most lanes whose per-byte popcounts cannot overflow a byte (8 × 31 = 248). */
export const WASM_MAX_LANES = 31;

/** Unsigned LEB128, the encoding of every size and index in a WASM binary. */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n > 0 ? byte | 0x80 : byte);
  } while (n > 0);
  return out;
}

const get = (i: number): number[] => [0x20, ...leb(i)];
const set = (i: number): number[] => [0x21, ...leb(i)];
const tee = (i: number): number[] => [0x22, ...leb(i)];
/** Signed LEB128, for i32.const: 64 is [0xc0, 0x00], since a lone 0x40 would read as -64. */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const i32 = (n: number): number[] => [0x41, ...sleb(n)];
const load128 = (offset: number): number[] => [0xfd, 0x00, 4, ...leb(offset)];
const lane = (i: number): number[] => [0xfd, 0x1b, i];
const [ADD, SHL, LT_U, XOR, POPCNT, ADD8] = [
  0x6a,
  0x74,
  0x49,
  [0xfd, 0x51],
  [0xfd, 0x62],
  [0xfd, 0x6e],
];
const [WIDEN8, WIDEN16] = [
  [0xfd, 0x7d],
  [0xfd, 0x7f],
];

/** Params 0 q, 1 p, 2 n, 3 lanes, 4 dist, 5 hist; locals 6 end, 7 d, 8 addr, 9 acc, 10… query. */
function body(lanes: number): number[] {
  const [END, D, ADDR, ACC, Q] = [6, 7, 8, 9, 10];
  const code: number[] = [2, 3, 0x7f, ...leb(lanes + 1), 0x7b]; // 3 × i32, lanes + 1 × v128
  code.push(...get(2), 0x45, 0x04, 0x40, 0x0f, 0x0b); // if (n == 0) return
  for (let l = 0; l < lanes; l++) code.push(...get(0), ...load128(16 * l), ...set(Q + l));
  code.push(...get(4), ...get(2), ...i32(1), SHL, ADD, ...set(END));
  code.push(0x03, 0x40); // loop $row
  for (let l = 0; l < lanes; l++) {
    code.push(...get(1), ...load128(16 * l), ...get(Q + l), ...XOR, ...POPCNT);
    if (l > 0) code.push(...ADD8);
  }
  code.push(...WIDEN8, ...WIDEN16, ...tee(ACC), ...lane(0));
  for (let i = 1; i < 4; i++) code.push(...get(ACC), ...lane(i), ADD);
  code.push(...set(D), ...get(1), ...i32(16 * lanes), ADD, ...set(1)); // p += row bytes
  code.push(...get(4), ...get(D), 0x3b, 1, 0); // store16 dist d
  code.push(...get(5), ...get(D), ...i32(2), SHL, ADD, ...tee(ADDR)); // hist[d] += 1
  code.push(...get(ADDR), 0x28, 2, 0, ...i32(1), ADD, 0x36, 2, 0);
  code.push(...get(4), ...i32(2), ADD, ...tee(4), ...get(END), LT_U, 0x0d, 0, 0x0b, 0x0b);
  return code;
}

const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];

function moduleBytes(lanes: number): Uint8Array<ArrayBuffer> {
  const code = body(lanes);
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, [1, 0x60, 6, ...new Array<number>(6).fill(0x7f), 0]), // (i32 × 6) → ()
    ...section(2, [1, ...name('e'), ...name('m'), 0x02, 0x00, 1]), // import memory e.m
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('scan'), 0x00, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ]);
}

/** The WASM kernel over memory for rows of `lanes` lanes, or undefined without WASM SIMD. */
export function wasmScanKernel(memory: WebAssembly.Memory, lanes: number): ScanKernel | undefined {
  if (typeof WebAssembly === 'undefined' || lanes < 1 || lanes > WASM_MAX_LANES) return undefined;
  const bytes = moduleBytes(lanes);
  // Invalid where the engine lacks SIMD (an encoding bug would fail the kernel tests instead).
  if (!WebAssembly.validate(bytes)) return undefined;
  try {
    // Synchronous compile is allowed for modules this small (Chrome caps it at 4 KB on the main
    // thread). A page whose CSP lacks 'wasm-unsafe-eval' throws here: the JS kernel takes over.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { e: { m: memory } });
    const scan = instance.exports.scan;
    return typeof scan === 'function' ? (scan as ScanKernel) : undefined;
  } catch {
    return undefined;
  }
}
