/**
 * The postings of a keyword index in compact form: for every term, the (document number, term
 * frequency) pairs of the documents holding it, as varints of the gap between document numbers
 * and of the frequency; most pairs take 2 or 3 bytes, where a Map entry took ~100.
 *
 * Two parts per term:
 * - a frozen slice of `base`, one contiguous array for all terms (what a snapshot stores and a
 *   cold start adopts without decoding);
 * - then appended pairs, in a chain of blocks in one growable pool: [next block: u32][payload],
 *   payload sizes growing 12 → 28 → 60 → 124 → 252 bytes, so a rare term costs 16 bytes and a
 *   common one wastes little. A pair never straddles two blocks; the unused end of a block is
 *   zero, and a pair never starts with a zero byte (gaps are ≥ 1), so zero means "next block".
 */

const HEADER = 4;
const BLOCK_TOTALS = [16, 32, 64, 128, 256];
const MAX_PAIR = 10; // two varints of up to 5 bytes: u32 gap, u32 frequency

/** A typed array at least `size` long, keeping its contents (doubling, so appends stay cheap). */
export function grown<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(
  array: T,
  size: number,
): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(
    Math.max(size, array.length * 2, 16),
  );
  bigger.set(array);
  return bigger;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

/** The frozen part, as a snapshot stores it. */
export interface PostingsBase {
  /** Term t's pairs are base[offsets[t] .. offsets[t + 1]). */
  offsets: Uint32Array;
  base: Uint8Array;
  /** The last document number of each term's pairs (-1: none), so appends continue the gaps. */
  lastDoc: Int32Array;
  /** Pairs per term. */
  df: Uint32Array;
}

export class PostingLists {
  private base: Uint8Array;
  private offsets: Uint32Array;
  /** Per term: the first and last block of the appended chain (0: none) and its level. */
  private head: Int32Array;
  private tail: Int32Array;
  private tailAt: Int32Array;
  private level: Uint8Array;
  private lastDoc: Int32Array;
  df: Uint32Array;
  private pool = new Uint8Array(1 << 12);
  private poolUsed = HEADER; // offset 0 is never a block, so 0 can mean "none"
  private terms: number;

  constructor(frozen?: PostingsBase) {
    this.terms = frozen ? frozen.df.length : 0;
    this.base = frozen?.base ?? new Uint8Array(0);
    this.offsets = frozen?.offsets ?? new Uint32Array(1);
    this.lastDoc = frozen?.lastDoc ?? new Int32Array(0);
    this.df = frozen?.df ?? new Uint32Array(0);
    this.head = new Int32Array(this.terms);
    this.tail = new Int32Array(this.terms);
    this.tailAt = new Int32Array(this.terms);
    this.level = new Uint8Array(this.terms);
  }

  get termCount(): number {
    return this.terms;
  }

  /** Bytes held by postings (frozen and appended), for the benchmark. */
  get bytes(): number {
    return this.base.byteLength + this.poolUsed;
  }

  /** Makes room for a new term; returns its number. */
  addTerm(): number {
    const t = this.terms++;
    const n = this.terms;
    [this.head, this.tail, this.tailAt] = [
      grown(this.head, n),
      grown(this.tail, n),
      grown(this.tailAt, n),
    ];
    this.level = grown(this.level, n);
    this.lastDoc = grown(this.lastDoc, n);
    this.lastDoc[t] = -1;
    this.df = grown(this.df, n);
    this.offsets = grown(this.offsets, n + 1);
    this.offsets[n] = this.offsets[t] ?? 0; // an empty frozen slice
    return t;
  }

  /** Appends (doc, tf) to term t's list; documents must come in increasing order per term. */
  append(t: number, doc: number, tf: number): void {
    const gap = doc - (this.lastDoc[t] ?? -1);
    if (gap < 1) throw new Error(`PostingLists: document ${doc} is not after ${this.lastDoc[t]}`);
    let at = this.tailAt[t]!;
    const tail = this.tail[t]!;
    if (tail === 0 || at + MAX_PAIR > tail + this.blockTotal(this.level[t]!)) {
      at = this.newBlock(t) + HEADER;
    }
    at = writeVarint(this.pool, at, gap);
    this.tailAt[t] = writeVarint(this.pool, at, tf);
    this.lastDoc[t] = doc;
    this.df[t] = (this.df[t] ?? 0) + 1;
  }

  /** Calls visit(doc, tf) for every pair of term t, in document order. */
  forEach(t: number, visit: (doc: number, tf: number) => void): void {
    let doc = -1;
    let bytes = this.base;
    let pos = this.offsets[t]!;
    let end = this.offsets[t + 1]!;
    let block = this.head[t] ?? 0;
    let level = 0;
    for (;;) {
      while (pos < end && bytes[pos] !== 0) {
        let b = bytes[pos++]!;
        let gap = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) gap += ((b = bytes[pos++]!) & 0x7f) * 2 ** shift;
        b = bytes[pos++]!;
        let tf = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) tf += ((b = bytes[pos++]!) & 0x7f) * 2 ** shift;
        doc += gap;
        visit(doc, tf);
      }
      if (block === 0) return;
      bytes = this.pool;
      pos = block + HEADER;
      end = block + this.blockTotal(level++);
      block = readU32(this.pool, block);
    }
  }

  /** Copies of the frozen part: all of the lists right after a freeze (nothing appended since). */
  frozen(): PostingsBase {
    const n = this.terms;
    return {
      offsets: this.offsets.slice(0, n + 1),
      base: this.base,
      lastDoc: this.lastDoc.slice(0, n),
      df: this.df.slice(0, n),
    };
  }

  /** Whether pairs were appended since the lists were frozen. */
  get hasAppended(): boolean {
    return this.poolUsed > HEADER;
  }

  /**
   * The lists as one frozen block when every document stays: a byte copy, since appended pairs
   * continue the gaps of the frozen ones and a block's unused end is zeros.
   */
  merged(): PostingsBase {
    const n = this.terms;
    const offsets = new Uint32Array(n + 1);
    const out = new Uint8Array(this.bytes);
    const { base, pool } = this;
    let at = 0;
    for (let t = 0; t < n; t++) {
      offsets[t] = at;
      const [from, to] = [this.offsets[t]!, this.offsets[t + 1]!];
      out.set(base.subarray(from, to), at);
      at += to - from;
      for (let block = this.head[t]!, level = 0; block !== 0; level++) {
        const end = block + this.blockTotal(level);
        let stop = block + HEADER;
        while (stop < end && pool[stop] !== 0) stop++;
        out.set(pool.subarray(block + HEADER, stop), at);
        at += stop - block - HEADER;
        block = readU32(pool, block);
      }
    }
    offsets[n] = at;
    return {
      offsets,
      base: out.slice(0, at),
      lastDoc: this.lastDoc.slice(0, n),
      df: this.df.slice(0, n),
    };
  }

  /**
   * The lists rewritten as one frozen block, keeping only documents `remap` maps to a number
   * (≥ 0; renumbered in the same order), in term order; terms left with none are dropped.
   */
  freeze(remap: Int32Array): PostingsBase & { kept: number[] } {
    const kept: number[] = [];
    const offsets = new Uint32Array(this.terms + 1);
    const lastDoc = new Int32Array(this.terms);
    const df = new Uint32Array(this.terms);
    let out = new Uint8Array(Math.max(16, this.bytes));
    let at = 0;
    for (let t = 0; t < this.terms; t++) {
      const n = kept.length;
      offsets[n] = at;
      let last = -1;
      let count = 0;
      this.forEach(t, (doc, tf) => {
        const d = remap[doc] ?? -1;
        if (d < 0) return;
        out = grown(out, at + MAX_PAIR);
        at = writeVarint(out, writeVarint(out, at, d - last), tf);
        last = d;
        count++;
      });
      if (count === 0) continue; // every document of this term is gone: drop the term
      kept.push(t);
      lastDoc[n] = last;
      df[n] = count;
      offsets[n + 1] = at;
    }
    const n = kept.length;
    return {
      kept,
      offsets: offsets.slice(0, n + 1),
      base: out.slice(0, at),
      lastDoc: lastDoc.slice(0, n),
      df: df.slice(0, n),
    };
  }

  private blockTotal(level: number): number {
    return BLOCK_TOTALS[Math.min(level, BLOCK_TOTALS.length - 1)]!;
  }

  private newBlock(t: number): number {
    const hasChain = this.tail[t] !== 0;
    const level = hasChain ? Math.min(this.level[t]! + 1, BLOCK_TOTALS.length - 1) : 0;
    const size = this.blockTotal(level);
    const start = this.poolUsed;
    this.pool = grown(this.pool, start + size);
    this.poolUsed += size;
    if (hasChain) writeU32(this.pool, this.tail[t]!, start);
    else this.head[t] = start;
    this.tail[t] = start;
    this.level[t] = level;
    return start;
  }
}

function readU32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 2 ** 24;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = (value >>> 24) & 0xff;
}
