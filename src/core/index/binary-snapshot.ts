/**
 * The persisted form of a BinaryIndex: plain typed arrays and ids, which IndexedDB stores by
 * structured clone without conversion, so a cold start copies memory instead of re-encoding.
 * The model id and dimension travel with it: vectors of two models must never be compared.
 */
export const SNAPSHOT_FORMAT = 'engram-binary-index/1';

export interface BinaryIndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  modelId: string;
  dim: number;
  /** Row r belongs to ids[r]; every array below holds ids.length rows. */
  ids: string[];
  /** ids.length × words sign codes, words = 4 × ceil(dim / 128). */
  codes: Uint32Array;
  /** ids.length × dim int8 components; the row's unit vector is vectors[row] × scales[row]. */
  vectors: Int8Array;
  scales: Float32Array;
  /** ids.length × 2 times that `range` searches filter on (NaN: none). */
  times: Float64Array;
  /** Sum of all stored unit vectors (the running mean × size). */
  sum: Float64Array;
  /** The centre the codes were taken against; null when they are plain signs. */
  centre: Float32Array | null;
}

export interface SnapshotExpectation {
  modelId: string;
  dim: number;
}

/** Throws a clear error unless `snap` is well-formed and made by the expected model. */
export function checkSnapshot(snap: BinaryIndexSnapshot, expected: SnapshotExpectation): void {
  const fail = (why: string): never => {
    throw new Error(`BinaryIndex snapshot rejected: ${why}`);
  };
  const format: unknown = snap.format; // Typed as the constant, but read from storage.
  if (format !== SNAPSHOT_FORMAT) fail(`format ${String(format)}, expected ${SNAPSHOT_FORMAT}`);
  if (snap.modelId !== expected.modelId) {
    fail(`made by model "${snap.modelId}", the index expects "${expected.modelId}"`);
  }
  if (snap.dim !== expected.dim) fail(`${snap.dim} dimensions, the index expects ${expected.dim}`);
  const n = snap.ids.length;
  const words = 4 * Math.ceil(snap.dim / 128);
  if (snap.codes.length !== n * words)
    fail(`codes hold ${snap.codes.length} words, not ${n * words}`);
  if (snap.vectors.length !== n * snap.dim) fail(`vectors hold ${snap.vectors.length} values`);
  if (snap.scales.length !== n) fail(`${snap.scales.length} scales for ${n} ids`);
  if (snap.times.length !== 2 * n) fail(`${snap.times.length} times for ${n} ids, not ${2 * n}`);
  if (snap.sum.length !== snap.dim) fail(`sum has ${snap.sum.length} dimensions`);
  if (snap.centre && snap.centre.length !== snap.dim) fail(`centre has ${snap.centre.length} dims`);
}
