/**
 * Measurements of the retrieval benchmark, one function per index: dense (BinaryIndex against an
 * exact float scan of the same vectors) and keyword (Bm25Index).
 */
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  BinaryIndex,
  defaultCandidates,
  type BinaryIndexSnapshot,
} from '../../src/core/index/binary-index';
import { Bm25Index, type Bm25Snapshot } from '../../src/core/index/bm25';
import { clusteredVectors, syntheticTexts } from './synthetic';

const DIM = 384;
const K = 10;
const MODEL = 'bench-e5-like';

export const now = (): number => performance.now();

// A full collection before reading the heap, without asking for `node --expose-gc`.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/** The value below which `p` of the samples fall (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** Exact top k by dot product over unit rows: the baseline, as tight as plain JS gets. */
function exactTop(data: Float32Array, n: number, q: Float32Array, k: number): number[] {
  const rows: number[] = [];
  const scores: number[] = [];
  for (let r = 0, b = 0; r < n; r++, b += DIM) {
    let [s0, s1, s2, s3] = [0, 0, 0, 0];
    for (let i = 0; i < DIM; i += 4) {
      s0 += q[i]! * data[b + i]!;
      s1 += q[i + 1]! * data[b + i + 1]!;
      s2 += q[i + 2]! * data[b + i + 2]!;
      s3 += q[i + 3]! * data[b + i + 3]!;
    }
    const s = s0 + s1 + s2 + s3;
    if (rows.length === k && s <= scores[k - 1]!) continue;
    let at = rows.length === k ? k - 1 : rows.length;
    for (; at > 0 && scores[at - 1]! < s; at--)
      [rows[at], scores[at]] = [rows[at - 1]!, scores[at - 1]!];
    [rows[at], scores[at]] = [r, s];
  }
  return rows;
}

interface Latency {
  p50_ms: number;
  p95_ms: number;
}

export interface DenseResult {
  n: number;
  kernel: string;
  build_s: number;
  default_candidates: number;
  by_candidates: Array<Latency & { candidates: number; recall_at_10: number }>;
  /** The same searches at the default candidates with the plain-JS kernel. */
  js_kernel: Latency;
  /** At the default candidates, restricted to the newest 10% of rows by a time range. */
  time_range_10pct: Latency;
  exact_p50_ms: number;
  exact_queries: number;
  speedup_at_default: number;
  code_bytes_per_chunk: number;
  rescore_bytes_per_chunk: number;
  snapshot_mb: number;
  /** Deserialising the snapshot, then building the index from it. */
  cold_load_ms: number;
  deserialize_ms: number;
}

/** Latency of `search` over the queries, three passes; hits of the first pass. */
function timeSearches(queries: Float32Array[], search: (q: Float32Array) => Array<{ id: string }>) {
  const times: number[] = [];
  const hits: Array<Array<{ id: string }>> = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const q of queries) {
      const t = now();
      const found = search(q);
      times.push(now() - t);
      if (rep === 0) hits.push(found);
    }
  }
  return { p50_ms: round(percentile(times, 0.5)), p95_ms: round(percentile(times, 0.95)), hits };
}

export function benchDense(n: number, queryCount: number, candidateCounts: number[]): DenseResult {
  const chosen = defaultCandidates(n);
  const candidates = [...new Set([...candidateCounts, chosen])].sort((a, b) => a - b);
  const corpus = clusteredVectors(n, DIM, 42, queryCount);
  const data = new Float32Array(n * DIM);
  const index = new BinaryIndex(DIM, { modelId: MODEL });
  const ids: string[] = [];
  let t = now();
  corpus.generate((id, v) => {
    const row = ids.length;
    let norm = 0;
    for (let i = 0; i < DIM; i++) norm += v[i]! * v[i]!;
    for (let i = 0; i < DIM; i++) data[row * DIM + i] = v[i]! / Math.sqrt(norm);
    ids.push(id);
    index.upsert(id, v, row); // rows arrive in time order
  });
  const build_s = round((now() - t) / 1000, 1);
  const queries = corpus.queries.map((q) => {
    const norm = Math.hypot(...q);
    return q.map((x) => x / norm);
  });
  const exactTimes: number[] = [];
  const truth = queries.map((q) => {
    t = now();
    const top = exactTop(data, n, q, K).map((row) => ids[row]);
    exactTimes.push(now() - t);
    return new Set(top);
  });
  const by_candidates = candidates.map((c) => {
    const { hits, ...latency } = timeSearches(queries, (q) =>
      index.search(q, K, { candidates: c }),
    );
    const found = hits.reduce(
      (sum, h, i) => sum + h.filter(({ id }) => truth[i]?.has(id)).length,
      0,
    );
    return { candidates: c, ...latency, recall_at_10: round(found / (K * queries.length), 3) };
  });
  // Cold load: the snapshot through V8's structured-clone serializer, which IndexedDB uses.
  const snapshot = index.toSnapshot();
  const buffer = serialize(snapshot);
  t = now();
  const restored = deserialize(buffer) as BinaryIndexSnapshot;
  const deserialize_ms = round(now() - t, 0);
  const loaded = BinaryIndex.fromSnapshot(restored, { modelId: MODEL, dim: DIM });
  const cold_load_ms = round(now() - t, 0);
  const same = queries.every(
    (q) => JSON.stringify(loaded.search(q, K)) === JSON.stringify(index.search(q, K)),
  );
  if (!same) throw new Error('the cold-loaded index answers differently');
  const js = BinaryIndex.fromSnapshot(snapshot, { modelId: MODEL, dim: DIM }, { wasm: false });
  const jsTimes = timeSearches(queries, (q) => js.search(q, K, { candidates: chosen }));
  const js_kernel = { p50_ms: jsTimes.p50_ms, p95_ms: jsTimes.p95_ms };
  const range = { from: 0.9 * n, to: Infinity };
  const ranged = timeSearches(queries, (q) => index.search(q, K, { candidates: chosen, range }));
  const time_range_10pct = { p50_ms: ranged.p50_ms, p95_ms: ranged.p95_ms };
  const exact_p50_ms = round(percentile(exactTimes, 0.5), 1);
  const atDefault = by_candidates.find((b) => b.candidates === chosen);
  return {
    n,
    kernel: index.kernel,
    build_s,
    default_candidates: chosen,
    by_candidates,
    js_kernel,
    time_range_10pct,
    exact_p50_ms,
    exact_queries: queries.length,
    speedup_at_default: round(exact_p50_ms / (atDefault?.p50_ms ?? Number.NaN), 0),
    code_bytes_per_chunk: 4 * Math.ceil(DIM / 128) * 4,
    rescore_bytes_per_chunk: DIM + 4,
    snapshot_mb: round(buffer.byteLength / 2 ** 20, 1),
    cold_load_ms,
    deserialize_ms,
  };
}

export interface KeywordResult {
  n: number;
  build_s: number;
  p50_ms: number;
  p95_ms: number;
  /** JS heap plus typed arrays held by the index after a full collection. */
  heap_mb: number;
  postings_mb: number;
  /** The persisted form (structured clone, as IndexedDB stores it), and loading it back. */
  snapshot_mb: number;
  snapshot_write_ms: number;
  cold_load_ms: number;
}

const memoryNow = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export function benchKeyword(n: number): KeywordResult {
  const { texts, queries } = syntheticTexts(n, 7);
  gc();
  const memory = memoryNow();
  let t = now();
  let index = new Bm25Index();
  let i = 0;
  for (const text of texts) index.add(`c${i++}`, text);
  const build_s = round((now() - t) / 1000, 1);
  gc();
  const heap_mb = round((memoryNow() - memory) / 2 ** 20, 0);
  const postings_mb = round(index.postingBytes / 2 ** 20, 1);
  const before = queries.map((q) => index.search(q, 50));
  // Cold load: the snapshot through V8's structured-clone serializer, which IndexedDB uses.
  t = now();
  const buffer = serialize(index.toSnapshot());
  const snapshot_write_ms = round(now() - t, 0);
  index = new Bm25Index(); // let the built one go before loading
  gc();
  t = now();
  index = Bm25Index.fromSnapshot(deserialize(buffer) as Bm25Snapshot);
  const cold_load_ms = round(now() - t, 0);
  const times: number[] = [];
  const after = queries.map((q) => {
    t = now();
    const hits = index.search(q, 50);
    times.push(now() - t);
    return hits;
  });
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    throw new Error('the cold-loaded keyword index answers differently');
  }
  return {
    n,
    build_s,
    p50_ms: round(percentile(times, 0.5)),
    p95_ms: round(percentile(times, 0.95)),
    postings_mb,
    snapshot_mb: round(buffer.byteLength / 2 ** 20, 1),
    snapshot_write_ms,
    cold_load_ms,
    heap_mb,
  };
}
