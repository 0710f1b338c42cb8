/**
 * Dense search at a million chunks (DESIGN.md "Retrieval", issue 4): a flat scan over 1-bit sign
 * codes (48 B per 384-d row, code-store.ts) picks candidates by Hamming distance, then their int8
 * vectors (int8-rows.ts) are rescored against the float query. No build step, no graph to repair
 * after a crash: upsert and swap-remove are O(dim). Scores are cosines within ~1e-3 (int8).
 */
import { checkSnapshot, SNAPSHOT_FORMAT, type SnapshotExpectation } from './binary-snapshot';
import type { BinaryIndexSnapshot } from './binary-snapshot';
import { applyFilter, applyRange, forEachCandidate } from './candidates';
import { CodeStore } from './code-store';
import { dimensionError, Int8Rows, quantizeInto, TIMES_PER_ROW, unitVector } from './int8-rows';
import { writeSignCode } from './sign-code';
import { TopK, type Scored } from './top-k';

export type { BinaryIndexSnapshot } from './binary-snapshot';

export interface BinaryIndexOptions {
  /** The model that made the vectors, kept in snapshots so two models' vectors never mix. */
  modelId?: string;
  /** Take signs around the corpus mean rather than 0 (default true; see recentre()). */
  centring?: boolean;
  /** Use the WASM SIMD kernel where the runtime has it (default true). */
  wasm?: boolean;
}

export interface BinarySearchOptions {
  /** Rows rescored exactly; more is slower but closer to exact. Exact when ≥ size. */
  candidates?: number;
  /**
   * Only rows with a time (see upsert) in [from, to): a time filter ("last week") for the cost of
   * a typed-array pass, where `filter` costs a call per row. Rows without times are left out.
   */
  range?: { from: number; to: number };
  /** Rows whose id fails are skipped before candidates are chosen. Costs a call per row. */
  filter?: (id: string) => boolean;
}

/**
 * Candidates rescored unless the caller says otherwise: 400, or one in a thousand rows past 400k.
 * On the benchmark's e5-like data (scripts/bench/retrieval.ts) 400 gave recall@10 0.988 at 100k
 * but 0.978 at 1M, where 1,000 gave 0.99 for +1.5 ms; int8 rescoring caps recall near 0.99.
 */
export const defaultCandidates = (size: number): number => Math.max(400, Math.ceil(size / 1_000));

/**
 * Sizes at which the centre is re-estimated from the running mean (re-encoding every code). Real
 * embeddings share a large common direction (e5's cosines sit around 0.7–0.9), so plain signs
 * spend most bits on it; centring raised the benchmark's recall@10 from 0.94 to 0.99 (100k, 400
 * candidates). A mean over 16k chunks is stable, so later inserts keep it unless the engine calls
 * recentre() when idle.
 */
const CENTRE_AT = new Set([128, 1024, 16_384]);

export class BinaryIndex {
  readonly modelId: string;
  private readonly centring: boolean;
  private readonly codes: CodeStore;
  private readonly rows: Int8Rows;
  private centre: Float32Array | undefined;
  private readonly scratch: Int8Array;

  constructor(
    readonly dim: number,
    { modelId = 'unknown', centring = true, wasm = true }: BinaryIndexOptions = {},
  ) {
    if (!Number.isInteger(dim) || dim <= 0 || dim > 32_768) {
      throw new Error(`BinaryIndex: dimension must be an integer in 1..32768, got ${dim}`);
    }
    this.modelId = modelId;
    this.centring = centring;
    this.codes = new CodeStore(dim, wasm);
    this.rows = new Int8Rows(dim);
    this.scratch = new Int8Array(dim);
  }

  get size(): number {
    return this.rows.size;
  }

  /** Which kernel scans the codes. */
  get kernel(): 'wasm-simd' | 'js' {
    return this.codes.usesWasm ? 'wasm-simd' : 'js';
  }

  has(id: string): boolean {
    return this.rows.rowOf.has(id);
  }

  /** The stored unit vector of id (int8 precision), e.g. for collapsing near-duplicates. */
  vectorOf(id: string): Float32Array | undefined {
    const row = this.rows.rowOf.get(id);
    return row === undefined ? undefined : this.rows.vector(row);
  }

  /**
   * Stores the direction of v under id (its length is ignored: cosine), replacing any old one.
   * `times`: up to two instants (epoch ms), e.g. when its source was saved and last seen; a
   * `range` search keeps the row when either falls in the range.
   */
  upsert(id: string, v: ArrayLike<number>, times: number | readonly number[] = []): void {
    this.put(id, quantizeInto(unitVector(v, this.dim, 'upsert'), this.scratch), times);
  }

  /** Stores an int8 vector as persisted by quantizeInt8 (only its direction matters). */
  upsertInt8(id: string, vector: Int8Array, times: number | readonly number[] = []): void {
    if (vector.length !== this.dim) throw dimensionError(vector.length, this.dim, 'upsertInt8');
    this.put(id, vector, times);
  }

  /** Replaces the times of id (e.g. its source was seen again); false when id is unknown. */
  setTimes(id: string, times: number | readonly number[]): boolean {
    const row = this.rows.rowOf.get(id);
    if (row !== undefined) this.rows.setTimes(row, times);
    return row !== undefined;
  }

  /** Removes id in O(dim): the last row moves into its place. */
  remove(id: string): boolean {
    const moved = this.rows.remove(id);
    if (!moved) return false;
    const [row, last] = moved;
    const w = this.codes.words;
    this.codes.codes.copyWithin(row * w, last * w, (last + 1) * w);
    this.codes.codes.fill(0, last * w, (last + 1) * w);
    return true;
  }

  /**
   * Re-centres on the mean of what is stored and re-encodes every code: O(size × dim), ~0.5 s at
   * 1M × 384. Results stay correct whatever the centre; it only moves recall.
   */
  recentre(): void {
    if (!this.centring || this.size === 0) return;
    this.centre = this.rows.mean();
    for (let row = 0; row < this.size; row++) this.encode(row);
  }

  /** The k rows most similar (cosine) to query among the best `candidates` by code, best first. */
  search(query: ArrayLike<number>, k: number, options: BinarySearchOptions = {}): Scored[] {
    const q = unitVector(query, this.dim, 'search');
    const n = this.size;
    if (n === 0 || k <= 0) return [];
    const { candidates = defaultCandidates(n), range, filter } = options;
    const { codes, rows } = this;
    writeSignCode(q, 0, this.dim, 1, this.centre, codes.query, 0, codes.words);
    codes.scan(n);
    const { dist, hist } = codes;
    const { times, ids } = rows;
    if (range && !filter) {
      applyRange(dist, hist, n, times, range.from, range.to);
    } else if (filter) {
      const inRange = (r: number): boolean => !range || rows.inRange(r, range.from, range.to);
      applyFilter(dist, hist, n, (r) => inRange(r) && filter(ids[r]!));
    }
    const top = new TopK(k);
    forEachCandidate(dist, hist, n, Math.max(candidates, k), (r) =>
      top.push(ids[r]!, rows.score(r, q)),
    );
    return top.result();
  }

  /** Copies of the live rows, safe to persist while the index keeps changing. */
  toSnapshot(): BinaryIndexSnapshot {
    const { rows, dim, size } = this;
    return {
      format: SNAPSHOT_FORMAT,
      modelId: this.modelId,
      dim,
      ids: rows.ids.slice(),
      codes: this.codes.codes.slice(0, size * this.codes.words),
      vectors: rows.vectors.slice(0, size * dim),
      scales: rows.scales.slice(0, size),
      times: rows.times.slice(0, size * TIMES_PER_ROW),
      sum: rows.sum.slice(),
      centre: this.centre ? this.centre.slice() : null,
    };
  }

  /**
   * An index from a snapshot, refusing one made by another model or dimension. It takes
   * ownership of the snapshot's arrays (no copy but the codes: cold load is little more than a
   * memcpy and a Map of the ids).
   */
  static fromSnapshot(
    snap: BinaryIndexSnapshot,
    expected: SnapshotExpectation,
    options: Omit<BinaryIndexOptions, 'modelId'> = {},
  ): BinaryIndex {
    checkSnapshot(snap, expected);
    const index = new BinaryIndex(snap.dim, { ...options, modelId: snap.modelId });
    const rows = index.rows;
    snap.ids.forEach((id, row) => rows.rowOf.set(id, row));
    if (rows.rowOf.size !== snap.ids.length) {
      throw new Error('BinaryIndex snapshot rejected: duplicate ids');
    }
    [rows.ids, rows.vectors, rows.scales, rows.times, rows.sum] = [
      snap.ids,
      snap.vectors,
      snap.scales,
      snap.times,
      snap.sum,
    ];
    const centre = snap.centre ?? undefined;
    index.centre = index.centring ? centre : undefined;
    index.codes.reserve(snap.ids.length);
    if (index.centre === centre) index.codes.codes.set(snap.codes);
    else for (let row = 0; row < index.size; row++) index.encode(row);
    return index;
  }

  private put(id: string, vector: Int8Array, times: number | readonly number[]): void {
    const added = !this.has(id);
    if (added) this.codes.reserve(this.size + 1);
    const row = this.rows.put(id, vector, this.codes.capacity);
    this.rows.setTimes(row, times);
    this.encode(row);
    if (added && this.centring && CENTRE_AT.has(this.size)) this.recentre();
  }

  private encode(row: number): void {
    const { dim, codes, rows } = this;
    const [scale, words] = [rows.scales[row] ?? 0, codes.words];
    writeSignCode(
      rows.vectors,
      row * dim,
      dim,
      scale,
      this.centre,
      codes.codes,
      row * words,
      words,
    );
  }
}
