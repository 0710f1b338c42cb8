/**
 * The sign codes of every row in one contiguous block, plus the scratch memory of a scan, laid out
 * once for both kernels of hamming-kernel.ts:
 *
 *   [query][histogram: (bits + 1) × u32][codes: capacity × words × u32][distances: capacity × u16]
 *
 * With WASM the block is a WebAssembly.Memory (the kernel reads the codes in place, no copy per
 * query); otherwise a plain ArrayBuffer. Codes never move when the block grows: only the scratch
 * distances after them do. A Memory cannot shrink, so neither does the store.
 */
import { jsScanKernel, type ScanKernel } from './hamming-kernel';
import { wasmScanKernel, WASM_MAX_LANES } from './hamming-wasm';

const PAGE = 65_536;
const align16 = (n: number): number => Math.ceil(n / 16) * 16;

export class CodeStore {
  /** 32-bit words per row: the dimension rounded up to whole 128-bit lanes. */
  readonly words: number;
  /** Bits per row, padding included; distances run 0..bits. */
  readonly bits: number;
  readonly usesWasm: boolean;
  private readonly histOff: number;
  private readonly codesOff: number;
  private readonly memory: WebAssembly.Memory | undefined;
  private buffer: ArrayBuffer;
  private kernel: ScanKernel;
  private rows = 0;

  /** Views, rebuilt whenever the block grows (growing a Memory detaches its old buffer). */
  query!: Uint32Array;
  hist!: Uint32Array;
  codes!: Uint32Array;
  dist!: Uint16Array;

  constructor(dim: number, wasm: boolean) {
    const lanes = Math.ceil(dim / 128);
    this.words = lanes * 4;
    this.bits = lanes * 128;
    this.histOff = align16(this.words * 4);
    this.codesOff = align16(this.histOff + (this.bits + 1) * 4);
    const bytes = this.bytesFor(0);
    const memory =
      wasm && lanes <= WASM_MAX_LANES && typeof WebAssembly !== 'undefined'
        ? new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) })
        : undefined;
    const wasmKernel = memory && wasmScanKernel(memory, lanes);
    this.memory = wasmKernel ? memory : undefined;
    this.usesWasm = wasmKernel !== undefined;
    this.buffer = this.memory?.buffer ?? new ArrayBuffer(bytes);
    this.kernel = wasmKernel ?? jsScanKernel(this.buffer);
    this.view();
  }

  get capacity(): number {
    return this.rows;
  }

  /** Room for at least `rows` rows, doubling so appends stay amortised O(1). */
  reserve(rows: number): void {
    if (rows <= this.rows) return;
    const target = Math.max(rows, this.rows * 2, 64);
    const bytes = this.bytesFor(target);
    if (this.memory) {
      const pages = Math.ceil((bytes - this.memory.buffer.byteLength) / PAGE);
      if (pages > 0) this.memory.grow(pages);
      this.buffer = this.memory.buffer;
    } else {
      const old = new Uint8Array(this.buffer, 0, this.codesOff + this.rows * this.words * 4);
      this.buffer = new ArrayBuffer(bytes);
      new Uint8Array(this.buffer).set(old);
      this.kernel = jsScanKernel(this.buffer);
    }
    this.rows = target;
    this.view();
  }

  /** dist[r] = Hamming distance of row r to `query`, for r < rows; hist counts them. */
  scan(rows: number): void {
    this.hist.fill(0);
    const distOff = this.dist.byteOffset;
    this.kernel(0, this.codesOff, rows, this.words / 4, distOff, this.histOff);
  }

  private bytesFor(rows: number): number {
    return this.codesOff + rows * this.words * 4 + align16(rows * 2);
  }

  private view(): void {
    const distOff = this.codesOff + this.rows * this.words * 4;
    this.query = new Uint32Array(this.buffer, 0, this.words);
    this.hist = new Uint32Array(this.buffer, this.histOff, this.bits + 1);
    this.codes = new Uint32Array(this.buffer, this.codesOff, this.rows * this.words);
    this.dist = new Uint16Array(this.buffer, distOff, this.rows);
  }
}
