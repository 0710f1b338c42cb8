/**
 * Retrieval benchmark (issue 4): `npm run bench:retrieval` (= `npx tsx scripts/bench/retrieval.ts`).
 * Dense search (BinaryIndex) at 10k, 100k and 1M 384-d chunks against an exact float scan in the
 * same run, and BM25 keyword search (compact postings, measured after a cold load of its
 * persisted form); prints a table and writes bench-results/retrieval.json. Timings include no
 * query embedding. BENCH_SIZES=10000,100000 runs fewer sizes; BENCH_PARTS=keyword (or dense)
 * runs one half.
 *
 * Goals: p95 ≤ 10 ms at 100k and ≤ 50 ms at 1M; recall@10 ≥ 0.98; ≥ 10× the exact scan at 1M;
 * ≤ 64 B per chunk for the candidate index; cold load ≤ 1.5 s at 100k.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchDense, benchKeyword, round, type DenseResult, type KeywordResult } from './measure';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
/** Queries per size: the exact scan costs ~0.5 s a query at 1M, so fewer there. */
const queriesFor = (n: number): number => (n >= 1_000_000 ? 60 : 200);
/** Candidate counts tried at every size, besides the default (binary-index.ts). */
const CANDIDATES = [100, 200, 400, 1_000];
const PARTS = (process.env.BENCH_PARTS ?? 'dense,keyword').split(',');
/** BM25 at 1M is skipped when its projection from 100k passes either bound. */
const KEYWORD_LIMITS = { build_s: 600, heap_mb: 4_096 };

const started = performance.now();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory_gb: round(totalmem() / 2 ** 30, 0),
  node: process.version,
  load_average_at_start: loadavg().map((x) => round(x, 1)),
};
let peakRss = 0;
const sampleRss = (): void => void (peakRss = Math.max(peakRss, process.memoryUsage().rss));

const dense: DenseResult[] = [];
for (const n of PARTS.includes('dense') ? SIZES : []) {
  console.error(`dense ${n.toLocaleString('en')}…`);
  dense.push(benchDense(n, queriesFor(n), CANDIDATES));
  sampleRss();
}

const keyword: KeywordResult[] = [];
let keywordSkipped: string | undefined;
for (const n of PARTS.includes('keyword') ? SIZES : []) {
  const last = keyword.at(-1);
  if (last && n > last.n) {
    const scale = n / last.n;
    const projected = { build_s: last.build_s * scale, heap_mb: last.heap_mb * scale };
    if (projected.build_s > KEYWORD_LIMITS.build_s || projected.heap_mb > KEYWORD_LIMITS.heap_mb) {
      keywordSkipped =
        `BM25 at ${n.toLocaleString('en')} skipped: projected from ${last.n.toLocaleString('en')}, ` +
        `~${round(projected.build_s, 0)} s to build and ~${round(projected.heap_mb / 1024, 1)} GB of ` +
        `memory, past ${KEYWORD_LIMITS.build_s} s / ${KEYWORD_LIMITS.heap_mb / 1024} GB.`;
      break;
    }
  }
  console.error(`keyword ${n.toLocaleString('en')}…`);
  keyword.push(benchKeyword(n));
  sampleRss();
}

const pad = (cells: Array<string | number>, widths: number[]): string =>
  cells.map((c, i) => String(c).padStart(widths[i] ?? 8)).join('  ');
const widths = [9, 11, 6, 6, 6, 9, 8, 7, 7, 9, 7, 6, 7, 7, 7];
console.log(
  `\nDense: BinaryIndex (${dense[0]?.kernel ?? '?'} kernel), 384-d, top 10; * = default candidates`,
);
// prettier-ignore
console.log(pad(['N', 'candidates', 'p50', 'p95', 'recall', 'exact p50', 'speed-up', 'JS p50', 'JS p95', 'range p95', 'B/chunk', 'int8 B', 'build s', 'snap MB', 'load ms'], widths));
for (const d of dense) {
  for (const b of d.by_candidates) {
    const main = b.candidates === d.default_candidates;
    const extra = main
      ? [d.exact_p50_ms, `${d.speedup_at_default}×`, d.js_kernel.p50_ms, d.js_kernel.p95_ms]
      : ['', '', '', ''];
    const ranged = main ? [d.time_range_10pct.p95_ms] : [''];
    const sizes = main
      ? [
          d.code_bytes_per_chunk,
          d.rescore_bytes_per_chunk,
          d.build_s,
          d.snapshot_mb,
          d.cold_load_ms,
        ]
      : ['', '', '', '', ''];
    const c = main ? `*${b.candidates}` : b.candidates;
    console.log(
      pad([d.n, c, b.p50_ms, b.p95_ms, b.recall_at_10, ...extra, ...ranged, ...sizes], widths),
    );
  }
}
console.log(
  'Times in ms, without the query embedding; exact = a float32 scan of the same vectors; JS = the\n' +
    'plain-JS kernel; range = restricted to the newest 10% of rows by time (a "last week" filter).',
);
console.log('\nKeyword (Bm25Index, compact postings, after a cold load), top 50');
const kw = [9, 7, 7, 8, 8, 11, 8, 9, 8];
// prettier-ignore
console.log(pad(['N', 'p50 ms', 'p95 ms', 'build s', 'mem MB', 'postings MB', 'snap MB', 'write ms', 'load ms'], kw));
for (const k of keyword) {
  // prettier-ignore
  console.log(pad([k.n, k.p50_ms, k.p95_ms, k.build_s, `~${k.heap_mb}`, k.postings_mb, k.snapshot_mb, k.snapshot_write_ms, k.cold_load_ms], kw));
}
if (keywordSkipped) console.log(keywordSkipped);

const total_s = round((performance.now() - started) / 1000, 0);
const load = loadavg().map((x) => round(x, 1));
console.log(
  `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load ${machine.load_average_at_start.join(' ')} → ${load.join(' ')}; ${total_s} s; peak RSS ${round(peakRss / 2 ** 30, 1)} GB`,
);
mkdirSync('bench-results', { recursive: true });
const result = {
  date: new Date().toISOString(),
  machine: { ...machine, load_average_at_end: load, peak_rss_gb: round(peakRss / 2 ** 30, 2) },
  total_s,
  dense,
  keyword,
  keyword_skipped: keywordSkipped ?? null,
};
writeFileSync('bench-results/retrieval.json', `${JSON.stringify(result, null, 2)}\n`);
console.log('wrote bench-results/retrieval.json');
