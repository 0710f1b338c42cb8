/**
 * Model benchmarks (issue 3): `npm run bench` (= `npx tsx scripts/bench/models.ts`). Prints a
 * table and writes bench-results/models.json.
 * - Embedding throughput through Engram's Embedder vs the raw transformers.js pipeline (goal ≥ 0.9×).
 * - Generation: time to first token and tokens/s through Engram's Generator vs raw (goal ≥ 0.9×).
 * - In Chromium, with the fixtures build: engine cold start (document created → embedder ready)
 *   and capture → searchable (shortcut pressed → found by a dense query), p50/p95.
 * Each figure names its model. The real default models are measured too wherever they can be
 * downloaded from the hub; where they cannot, the JSON says so, with the reason.
 * - The shipped models' stand-ins (`npm run models:standins`, when made): load, TTFT at 256 to
 *   2,000 real prompt tokens, tokens/s, embedding passages/s and peak renderer memory, on WASM
 *   with each of BENCH_STANDIN_THREADS, in Chromium (standins.ts).
 * Environment: BENCH_PAGES (default 20), BENCH_COLD_RUNS (5), BENCH_TEXTS (128), BENCH_THREADS
 * (the extension's choice: cores − 1, 1 to 4), ENGRAM_BENCH_DIST (dist/chrome-fixtures, built if
 * missing), BENCH_SKIP_CHROMIUM=1, BENCH_STANDIN_THREADS (1,2), BENCH_STANDIN_PROMPTS
 * (256,512,1000,2000), BENCH_STANDIN_NEW_TOKENS (16), BENCH_STANDIN_TEXTS (64), BENCH_STANDINS=0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { chunkText } from '../../src/core/text/chunk';
import { buildAnswerMessages } from '../../src/core/answer/prompt';
import {
  DEFAULT_EMBEDDING_MODEL,
  DEFAULT_GENERATION_MODEL,
  FIXTURE_EMBEDDING_MODEL,
  FIXTURE_GENERATION_MODEL,
  embeddingModel,
  generationModel,
} from '../../src/shared/model-registry';
import { loadPages } from '../eval/corpus';
import { FIXTURE_MODELS_DIR } from '../eval/embedders';
import { benchInChromium, type ChromiumResults } from './in-chromium';
import {
  benchStandins,
  promptsOfLength,
  PROMPT_TOKENS,
  STANDIN_EMBEDDER,
  STANDIN_GENERATOR,
  type StandinResults,
} from './standins';
import { standinModelsDir } from '../models/standins/paths.mjs';
import { machineInfo } from './machine';
import {
  benchEmbedding,
  benchGeneration,
  type EmbeddingResult,
  type GenerationResult,
} from './model-speed';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/readability-pages');
const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const THREADS = num('BENCH_THREADS', Math.max(1, Math.min(4, cpus().length - 1)));
const TEXTS = num('BENCH_TEXTS', 128);
const DIST = resolve(ROOT, process.env.ENGRAM_BENCH_DIST ?? 'dist/chrome-fixtures');

const machine = machineInfo();

// Passages as Engram indexes them: the eval corpus's pages (from ../shared/corpus), chunked.
const pages = loadPages();
const passages = pages.flatMap((p) => chunkText(p.text).map((c) => c.text)).slice(0, TEXTS);
const prompts = pages
  .slice(0, 3)
  .map((p, i) =>
    buildAnswerMessages(
      `What is "${p.title}" about?`,
      [{ n: 1, title: p.title, site: new URL(p.url).host, savedAt: Date.now(), text: p.text }],
      Date.now() + i,
    ),
  );

type Unavailable = { model: string; available: false; reason: string };
function unavailable(model: string, error: unknown): Unavailable {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  // Node's fetch says only "fetch failed"; the cause says why (ENOTFOUND: no route to the hub).
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message;
  return { model, available: false, reason: why ? `${message} (${why})` : message };
}

const fixtures = { localModelPath: FIXTURE_MODELS_DIR, remote: false };
const hub = { localModelPath: FIXTURE_MODELS_DIR, remote: true };

const embedding: Array<EmbeddingResult | Unavailable> = [];
const generation: Array<GenerationResult | Unavailable> = [];
for (const [id, where] of [
  [FIXTURE_EMBEDDING_MODEL, fixtures],
  [DEFAULT_EMBEDDING_MODEL, hub],
] as const) {
  console.error(`embedding: ${id}…`);
  embedding.push(
    await benchEmbedding(embeddingModel(id), passages, THREADS, where).catch((e: unknown) =>
      unavailable(id, e),
    ),
  );
}
for (const [id, where] of [
  [FIXTURE_GENERATION_MODEL, fixtures],
  [DEFAULT_GENERATION_MODEL, hub],
] as const) {
  console.error(`generation: ${id}…`);
  generation.push(
    await benchGeneration(generationModel(id), prompts, THREADS, where).catch((e: unknown) =>
      unavailable(id, e),
    ),
  );
}

let chromium: ChromiumResults | { skipped: string } = { skipped: 'BENCH_SKIP_CHROMIUM=1' };
if (process.env.BENCH_SKIP_CHROMIUM !== '1') {
  if (!existsSync(resolve(DIST, 'manifest.json'))) {
    console.error(`building the fixtures extension into ${DIST}…`);
    const built = spawnSync('npx', ['vite', 'build', '--outDir', DIST], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ENGRAM_FIXTURE_MODELS: '1' },
    });
    if (built.status !== 0) throw new Error('the fixtures build failed');
  }
  console.error('in Chromium: cold start, capture → searchable…');
  chromium = await benchInChromium(DIST, CORPUS, num('BENCH_PAGES', 20), num('BENCH_COLD_RUNS', 5));
}

let standins: StandinResults | { skipped: string } = {
  skipped: 'no stand-ins: run `npm run models:standins` first (or BENCH_STANDINS=0)',
};
const standinDir = standinModelsDir();
const made = [STANDIN_GENERATOR, STANDIN_EMBEDDER].every((id) =>
  existsSync(resolve(standinDir, id, 'files.json')),
);
if (process.env.BENCH_STANDINS === '0') standins = { skipped: 'BENCH_STANDINS=0' };
else if (made && process.env.BENCH_SKIP_CHROMIUM !== '1') {
  const list = (name: string, fallback: string) =>
    (process.env[name] ?? fallback).split(',').map(Number);
  console.error("in Chromium: the shipped models' stand-ins…");
  standins = await benchStandins(
    standinDir,
    list('BENCH_STANDIN_THREADS', '1,2'),
    passages.slice(0, num('BENCH_STANDIN_TEXTS', 64)),
    await promptsOfLength(
      standinDir,
      pages,
      list('BENCH_STANDIN_PROMPTS', PROMPT_TOKENS.join(',')),
    ),
    num('BENCH_STANDIN_NEW_TOKENS', 16),
  );
}

const results = {
  command: 'npm run bench',
  date: new Date().toISOString(),
  machine,
  backend: {
    node: 'onnxruntime-node (CPU) with the dtype the extension runs on WASM',
    chromium: 'the fixtures build in Debian Chromium, headless, WASM (no GPU)',
  },
  threads: THREADS,
  default_models:
    embedding.some((e) => 'available' in e) || generation.some((g) => 'available' in g)
      ? 'The default models could not be downloaded on this machine (no access to the hub): their figures are missing, the fixture models stand in.'
      : 'measured',
  embedding,
  generation,
  chromium,
  standins,
};
mkdirSync(resolve(ROOT, 'bench-results'), { recursive: true });
const out = resolve(ROOT, 'bench-results/models.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

const table = (rows: Array<Array<string | number>>): string => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => String(cell).padEnd(widths[c]!)).join('  ')).join('\n');
};
console.log(
  table([
    ['embedding model', 'texts', 'threads', 'Engram texts/s', 'raw texts/s', 'ratio', 'same'],
    ...embedding.map((e) =>
      'available' in e
        ? [e.model, '-', '-', 'unavailable', e.reason.slice(0, 60), '-', '-']
        : [
            e.model,
            e.texts,
            e.threads,
            e.engram_texts_per_s,
            e.raw_texts_per_s,
            e.ratio,
            String(e.same_vectors),
          ],
    ),
  ]),
);
console.log();
console.log(
  table([
    [
      'generation model',
      'TTFT Engram ms',
      'TTFT raw ms',
      'ratio',
      'tok/s Engram',
      'tok/s raw',
      'ratio',
    ],
    ...generation.map((g) =>
      'available' in g
        ? [g.model, 'unavailable', g.reason.slice(0, 60), '-', '-', '-', '-']
        : [
            g.model,
            g.engram_ttft_ms,
            g.raw_ttft_ms,
            g.ttft_ratio,
            g.engram_tokens_per_s,
            g.raw_tokens_per_s,
            g.tokens_per_s_ratio,
          ],
    ),
  ]),
);
if ('cold_start' in chromium) {
  const { cold_start: c, capture_to_searchable: s } = chromium;
  console.log();
  console.log(
    table([
      ['in Chromium (' + chromium.embedding_model + ')', 'p50 ms', 'p95 ms', 'max ms', 'n'],
      ['cold start: document → embedder ready', c.p50_ms, '-', c.max_ms, c.runs],
      ['capture → found by a dense query', s.p50_ms, s.p95_ms, s.max_ms, `${s.found}/${s.pages}`],
    ]),
  );
  console.log(`runtime: ${JSON.stringify(chromium.runtime)}`);
}
if ('runs' in standins) {
  console.log();
  console.log(
    table([
      [
        'stand-ins, WASM threads',
        'prompt tokens',
        'TTFT ms',
        'TTFT CPU ms',
        'tok/s',
        'CPU ms/token',
      ],
      ...standins.runs.flatMap((run) =>
        'prompts' in run.generation
          ? run.generation.prompts.map((p) => [
              run.threads,
              p.prompt_tokens,
              p.ttft_ms,
              p.ttft_cpu_ms,
              p.tokens_per_s,
              p.cpu_ms_per_token,
            ])
          : [[run.threads, 'failed', run.generation.error.slice(0, 60), '-', '-', '-']],
      ),
    ]),
  );
  for (const run of standins.runs) {
    const e = run.embedding;
    console.log(
      `${run.threads} thread(s): embedding ${'passages_per_s' in e ? `${e.passages_per_s} passages/s` : e.error}; peak renderer ${run.peak_renderer_mib} MiB`,
    );
  }
}
console.log(`\n${results.default_models}\nwrote ${out}`);
