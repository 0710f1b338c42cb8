/**
 * Vector math and an exact flat index for dense retrieval. A flat scan over contiguous float32
 * rows is fast enough at personal scale (see DESIGN.md: ~1 ms per 100k with sign codes) and needs
 * no build step; the engine can put a sign-code prefilter in front of it later.
 */
import { TopK, type Scored } from './top-k';

/** Symmetric int8 quantisation for storage: v ≈ vector * scale. A zero vector has scale 0. */
export function quantizeInt8(v: ArrayLike<number>): { vector: Int8Array; scale: number } {
  let maxAbs = 0;
  for (let i = 0; i < v.length; i++) maxAbs = Math.max(maxAbs, Math.abs(v[i] ?? 0));
  const vector = new Int8Array(v.length);
  if (maxAbs === 0 || !Number.isFinite(maxAbs)) return { vector, scale: 0 };
  const scale = maxAbs / 127;
  for (let i = 0; i < v.length; i++) vector[i] = Math.round((v[i] ?? 0) / scale);
  return { vector, scale };
}

export function dequantizeInt8(q: Int8Array, scale: number): Float32Array {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = (q[i] ?? 0) * scale;
  return out;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`dot: lengths differ (${a.length} vs ${b.length})`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** v scaled to unit length; a zero vector stays zero (it then scores 0 against everything). */
export function normalize(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  const norm = Math.sqrt(dot(out, out));
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / norm;
  return out;
}

export class FlatVectorIndex {
  /** Row r occupies data[r * dim, (r + 1) * dim); rows 0..size-1 are live. */
  private data: Float32Array;
  private readonly rowOf = new Map<string, number>();
  private readonly ids: string[] = [];

  constructor(private readonly dimension: number) {
    if (!Number.isInteger(dimension) || dimension <= 0) {
      throw new Error(`FlatVectorIndex: dimension must be a positive integer, got ${dimension}`);
    }
    this.data = new Float32Array(dimension * 64);
  }

  get dim(): number {
    return this.dimension;
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** Stores v (normalised, so search is cosine) under id, replacing any previous vector. */
  upsert(id: string, v: ArrayLike<number>): void {
    const unit = this.checked(v, 'upsert');
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.ids.length;
      if ((row + 1) * this.dimension > this.data.length) {
        // Double the capacity: amortised O(1) appends, one contiguous block for the scan.
        const grown = new Float32Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
      this.ids.push(id);
      this.rowOf.set(id, row);
    }
    this.data.set(unit, row * this.dimension);
  }

  /** Removes id in O(dim): the last row moves into its place. */
  remove(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    const last = this.ids.length - 1;
    const lastId = this.ids[last];
    if (row !== last && lastId !== undefined) {
      const d = this.dimension;
      this.data.copyWithin(row * d, last * d, (last + 1) * d);
      this.ids[row] = lastId;
      this.rowOf.set(lastId, row);
    }
    this.ids.pop();
    this.rowOf.delete(id);
    return true;
  }

  /** The k rows most similar (cosine) to query, best first, ties by id. */
  search(query: ArrayLike<number>, k: number, filter?: (id: string) => boolean): Scored[] {
    const q = this.checked(query, 'search');
    const d = this.dimension;
    const data = this.data;
    const top = new TopK(k);
    for (let row = 0; row < this.ids.length; row++) {
      const id = this.ids[row];
      if (id === undefined || (filter && !filter(id))) continue;
      let score = 0;
      const base = row * d;
      for (let i = 0; i < d; i++) score += (q[i] ?? 0) * (data[base + i] ?? 0);
      top.push(id, score);
    }
    return top.result();
  }

  private checked(v: ArrayLike<number>, op: string): Float32Array {
    if (v.length !== this.dimension) {
      throw new Error(
        `FlatVectorIndex.${op}: vector has ${v.length} dimensions, index expects ${this.dimension}`,
      );
    }
    const unit = normalize(v);
    if (!unit.every(Number.isFinite)) {
      throw new Error(`FlatVectorIndex.${op}: vector contains NaN or Infinity`);
    }
    return unit;
  }
}
