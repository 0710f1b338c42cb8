/**
 * The rescoring side of BinaryIndex: every row's unit vector as int8 components times a per-row
 * scale (dim + 4 bytes a row, one contiguous block), its id, and the running sum of all rows (so
 * the corpus mean is known at any time without a pass over the data).
 */

/** v scaled to unit length (zero stays zero), or an error naming `op` for a bad vector. */
export function unitVector(v: ArrayLike<number>, dim: number, op: string): Float32Array {
  if (v.length !== dim) throw dimensionError(v.length, dim, op);
  let max = 0;
  for (let i = 0; i < dim; i++) max = Math.max(max, Math.abs(v[i] ?? 0));
  if (!Number.isFinite(max)) throw new Error(`BinaryIndex.${op}: vector has NaN or Infinity`);
  // Dividing by the largest component first keeps the squares from overflowing.
  let squares = 0;
  for (let i = 0; i < dim; i++) squares += ((v[i] ?? 0) / max) ** 2;
  const inverse = max > 0 ? 1 / (max * Math.sqrt(squares)) : 0;
  const unit = new Float32Array(dim);
  for (let i = 0; i < dim; i++) unit[i] = (v[i] ?? 0) * inverse;
  return unit;
}

export function dimensionError(got: number, dim: number, op: string): Error {
  return new Error(`BinaryIndex.${op}: vector has ${got} dimensions, index expects ${dim}`);
}

/** Symmetric int8 quantisation into `out`: the largest component becomes ±127. */
export function quantizeInto(v: Float32Array, out: Int8Array): Int8Array {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i] ?? 0));
  const step = max > 0 ? 127 / max : 0;
  for (let i = 0; i < v.length; i++) out[i] = Math.round((v[i] ?? 0) * step);
  return out;
}

/** Times kept per row for range filters, e.g. when its source was saved and last seen. */
export const TIMES_PER_ROW = 2;

export class Int8Rows {
  /** Typed loosely: a snapshot's arrays are adopted as they come from storage. */
  vectors: Int8Array = new Int8Array(0);
  scales: Float32Array = new Float32Array(0);
  /** TIMES_PER_ROW per row, for range filters (NaN: none). */
  times: Float64Array = new Float64Array(0);
  ids: string[] = [];
  readonly rowOf = new Map<string, number>();
  sum: Float64Array;

  constructor(readonly dim: number) {
    this.sum = new Float64Array(dim);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Stores vector's direction under id; returns its row (new rows are appended). */
  put(id: string, vector: Int8Array, capacity: number): number {
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.ids.length;
      this.reserve(capacity);
      this.ids.push(id);
      this.rowOf.set(id, row);
    } else {
      this.addToSum(row, -1);
    }
    let squares = 0;
    for (let i = 0; i < vector.length; i++) squares += (vector[i] ?? 0) ** 2;
    // 1/‖vector‖ rather than the quantisation step: the stored row is then exactly unit length.
    this.scales[row] = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    this.vectors.set(vector, row * this.dim);
    this.addToSum(row, 1);
    return row;
  }

  /** Removes id, moving the last row into its place: returns [its row, the moved row's old row]. */
  remove(id: string): [number, number] | undefined {
    const row = this.rowOf.get(id);
    if (row === undefined) return undefined;
    this.addToSum(row, -1);
    const last = this.ids.length - 1;
    const lastId = this.ids[last];
    if (row !== last && lastId !== undefined) {
      const d = this.dim;
      this.vectors.copyWithin(row * d, last * d, (last + 1) * d);
      this.scales[row] = this.scales[last] ?? 0;
      const T = TIMES_PER_ROW;
      this.times.copyWithin(row * T, last * T, (last + 1) * T);
      this.ids[row] = lastId;
      this.rowOf.set(lastId, row);
    }
    // The freed row is wiped, not just left past the end: a forgotten vector leaves no copy.
    this.vectors.fill(0, last * this.dim, (last + 1) * this.dim);
    this.scales[last] = 0;
    this.times.fill(NaN, last * TIMES_PER_ROW, (last + 1) * TIMES_PER_ROW);
    this.ids.pop();
    this.rowOf.delete(id);
    return [row, last];
  }

  setTimes(row: number, times: number | readonly number[]): void {
    const list = typeof times === 'number' ? [times] : times;
    if (list.length > TIMES_PER_ROW) {
      throw new Error(`BinaryIndex: at most ${TIMES_PER_ROW} times per row, got ${list.length}`);
    }
    for (let i = 0; i < TIMES_PER_ROW; i++) this.times[row * TIMES_PER_ROW + i] = list[i] ?? NaN;
  }

  /** Whether any time of row lies in [from, to). */
  inRange(row: number, from: number, to: number): boolean {
    const a = this.times[2 * row]!;
    const b = this.times[2 * row + 1]!;
    return (a >= from && a < to) || (b >= from && b < to);
  }

  /** Cosine of the unit query with row. */
  score(row: number, unit: Float32Array): number {
    const { vectors, dim } = this;
    let s = 0;
    for (let i = 0, b = row * dim; i < dim; i++, b++) s += (unit[i] ?? 0) * (vectors[b] ?? 0);
    return s * (this.scales[row] ?? 0);
  }

  vector(row: number): Float32Array {
    const scale = this.scales[row] ?? 0;
    return Float32Array.from(
      this.vectors.subarray(row * this.dim, (row + 1) * this.dim),
      (x) => x * scale,
    );
  }

  mean(): Float32Array {
    return Float32Array.from(this.sum, (s) => s / Math.max(1, this.size));
  }

  private addToSum(row: number, sign: 1 | -1): void {
    const scale = sign * (this.scales[row] ?? 0);
    const { sum, vectors, dim } = this;
    for (let i = 0, b = row * dim; i < dim; i++, b++)
      sum[i] = (sum[i] ?? 0) + (vectors[b] ?? 0) * scale;
  }

  /** Room for `capacity` rows (the code store's, so both grow together). */
  private reserve(capacity: number): void {
    const { dim, scales, times } = this;
    const rows = Math.min(this.vectors.length / dim, scales.length, times.length / TIMES_PER_ROW);
    if (rows >= capacity) return;
    const vectors = new Int8Array(capacity * dim);
    vectors.set(this.vectors);
    const grown = [new Float32Array(capacity), new Float64Array(capacity * TIMES_PER_ROW)] as const;
    grown[0].set(scales);
    grown[1].set(times);
    [this.vectors, this.scales, this.times] = [vectors, ...grown];
  }
}
