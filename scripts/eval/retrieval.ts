/**
 * Retrieval quality (issue #4): Recall@1/5/10 and MRR of keyword-only, dense-only and hybrid
 * search over the eval pages and questions in tests/fixtures/eval, for one registered embedding
 * model. Prints a table and writes bench-results/eval-retrieval.json.
 *
 *   npx tsx scripts/eval/retrieval.ts [--model <id>] [--thresholds <id>] [--sweep]
 *
 * Any registered embedding model (src/shared/model-registry.ts). The default is the fixture
 * GloVe model (offline, English only); `--model Xenova/multilingual-e5-small` measures the shipped
 * default where the Hugging Face hub is reachable. `--thresholds <id>` gates with another model's
 * relevance thresholds (e5's, which use no cosine, on the fixture model's lists); `--sweep` tries
 * a grid of thresholds (scripts/eval/gate-sweep.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEntityQuestions, loadPages, loadQuestions } from './corpus';
import { loadMetadata } from './entity-graph';
import { loadConversations, VARIANTS, type FollowUpReport } from './follow-ups';
import { embeddingModel, type EmbeddingModelSpec } from '../../src/shared/model-registry';
import { DEFAULT_EVAL_MODEL, denseWeightOf, loadEmbedder } from './embedders';
import { evaluate, METHODS, type EvalReport } from './evaluate';
import { gateOutcome, halves, sweep, type GateOutcome } from './gate-sweep';
import { unsureLines, unsureTable } from './unsure-line';

const OUT_DIR = fileURLToPath(new URL('../../bench-results/', import.meta.url));

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

export function formatTable(model: EmbeddingModelSpec, report: EvalReport): string {
  const answerable = report.questions.filter((q) => q.kind !== 'entity').length;
  const entity = report.questions.length - answerable;
  const lines = [
    `Retrieval eval — model ${model.id} (${model.dtype.wasm}, ${model.dims} dims)`,
    `${report.pages} pages, ${report.chunks} chunks, ${answerable} questions ` +
      `(+ ${entity} naming an entity); ` +
      `top ${report.candidates} chunks per list; a page ranks at its best chunk`,
    `hybrid = RRF (k = 60, equal weights); hybrid-weighted = weighted RRF ` +
      `(k = 60, keyword 1, dense ${report.denseWeight}), the engine's; gated = hybrid-graph ` +
      `after the relevance gate`,
    '',
    `${'group'.padEnd(20)}${'n'.padStart(4)}  ${'method'.padEnd(16)}${'R@1'.padStart(7)}` +
      `${'R@5'.padStart(7)}${'R@10'.padStart(7)}${'MRR'.padStart(7)}`,
  ];
  for (const [group, byMethod] of Object.entries(report.metrics)) {
    METHODS.forEach((method, i) => {
      const m = byMethod[method];
      const head =
        i === 0 ? `${group.padEnd(20)}${String(m.questions).padStart(4)}` : ' '.repeat(24);
      lines.push(
        `${head}  ${method.padEnd(16)}${pct(m.recallAt1)}${pct(m.recallAt5)}${pct(m.recallAt10)}` +
          `${m.mrr.toFixed(3).padStart(7)}`,
      );
    });
  }
  const d = report.declines;
  if (report.graph) {
    lines.push(
      '',
      `hybrid-graph = hybrid-weighted + the pages mentioning the question's entities ` +
        `(graph of ${report.graph.entities} entities, ${report.graph.mentions} mentions); ` +
        `kind:entity questions are not in all`,
    );
  }
  lines.push(
    '',
    `Relevance gate (${JSON.stringify(model.relevance)}):`,
    `  declined: ${pct(d.unanswerable)} of ${report.unanswerable.length} unanswerable questions ` +
      `(en ${pct(d.byLang['unanswerable:en'] ?? 0)}, zh ${pct(d.byLang['unanswerable:zh'] ?? 0)}); ` +
      `${pct(d.answerable)} of ${answerable} answerable ones`,
    `  R@5 of answerable questions: ${pct(report.metrics.all?.['hybrid-weighted'].recallAt5 ?? 0)} ` +
      `without the gate, ${pct(report.metrics.all?.gated.recallAt5 ?? 0)} with it`,
  );
  lines.push('', ...gateSplitLines(model, report));
  lines.push('', ...unsureTable(unsureLines(report.gateCases, model.relevance)));
  if (report.followUps) lines.push('', ...followUpLines(report.followUps));
  lines.push('', 'MRR gain, all questions (paired bootstrap, 95% interval):');
  for (const [method, gain] of Object.entries(report.mrrGain)) {
    for (const [over, g] of Object.entries(gain)) {
      lines.push(
        `  ${method.padEnd(16)} ${over.padEnd(12)} ${signed(g.mean)}  [${signed(g.low)}, ${signed(g.high)}]`,
      );
    }
  }
  return lines.join('\n');
}

/** The follow-ups' table: the last turn in context, alone and in full (follow-ups.ts). */
function followUpLines(report: FollowUpReport): string[] {
  const lines = [
    `Follow-ups (${report.conversations} conversations; the last turn's answer page, ` +
      `hybrid-weighted / after the gate = cited):`,
    `${'group'.padEnd(10)}${'n'.padStart(4)}  ${'asked'.padEnd(12)}${'R@1'.padStart(7)}` +
      `${'R@5'.padStart(7)}${'MRR'.padStart(7)}  ${'cited@1'.padStart(7)}${'cited'.padStart(7)}`,
  ];
  for (const [group, byVariant] of Object.entries(report.metrics)) {
    VARIANTS.forEach((variant, i) => {
      const { fused, gated } = byVariant[variant];
      const head =
        i === 0 ? `${group.padEnd(10)}${String(fused.questions).padStart(4)}` : ' '.repeat(14);
      lines.push(
        `${head}  ${variant.padEnd(12)}${pct(fused.recallAt1)}${pct(fused.recallAt5)}` +
          `${fused.mrr.toFixed(3).padStart(7)}  ${pct(gated.recallAt1)}${pct(gated.recallAt5)}`,
      );
    });
  }
  return lines;
}

const outcomeCells = (o: GateOutcome): string =>
  `${pct(o.declined)} of ${String(o.unanswerable).padStart(2)}  ` +
  `${pct(o.recallAt5)} → ${pct(o.gatedRecallAt5)} of ${String(o.answerable).padStart(2)}`;

/** The gate's numbers on all questions and on each half (gate-sweep.ts). */
function gateSplitLines(model: EmbeddingModelSpec, report: EvalReport): string[] {
  const half = halves(report.gateCases);
  const lines = [
    'Relevance gate by half (every other question of each kind and language):',
    `  ${'questions'.padEnd(10)}${'declined (unanswerable)'.padEnd(24)}R@5 without → with the gate`,
  ];
  for (const name of ['all', 'tune', 'held-out'] as const) {
    const o = gateOutcome(
      report.gateCases,
      model.relevance,
      name === 'all' ? undefined : (c) => half.get(c.id) === name,
    );
    lines.push(`  ${name.padEnd(10)}${outcomeCells(o)}`);
  }
  return lines;
}

/** `--sweep`: the grid's best thresholds on the tune half, and what they do on the other. */
function sweepLines(model: EmbeddingModelSpec, report: EvalReport): string[] {
  const cosine = model.relevance.coverageAndCosine !== undefined;
  const best = sweep(report.gateCases, model.relevance, { cosine });
  if (!best) return ['Sweep: no thresholds in the grid decline 80% of the tune half.'];
  return [
    `Sweep (chosen on the tune half, ${cosine ? 'with' : 'without'} the cosine):`,
    `  ${JSON.stringify(best.thresholds)}`,
    `  tune      ${outcomeCells(best.tune)}`,
    `  held-out  ${outcomeCells(best.heldOut)}`,
    `  all       ${outcomeCells(best.all)}`,
  ];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const embedding = embeddingModel(argValue(argv, '--model') ?? DEFAULT_EVAL_MODEL);
  const thresholdsOf = argValue(argv, '--thresholds');
  const model = thresholdsOf
    ? { ...embedding, relevance: embeddingModel(thresholdsOf).relevance }
    : embedding;
  const pages = loadPages();
  const questions = loadQuestions(pages);
  const conversations = loadConversations(pages);
  const { embed, dispose } = await loadEmbedder(model);
  const started = performance.now();
  const denseWeight = denseWeightOf(model);
  const report = await evaluate(pages, questions, {
    embed,
    denseWeight,
    relevance: model.relevance,
    languages: model.languages,
    conversations,
    metadata: loadMetadata(),
    entityQuestions: loadEntityQuestions(pages),
  });
  const seconds = (performance.now() - started) / 1000;
  await dispose();

  console.log(formatTable(model, report));
  if (argv.includes('--sweep')) console.log(`\n${sweepLines(model, report).join('\n')}`);
  console.log(`\n(${seconds.toFixed(1)} s including embedding)`);
  mkdirSync(OUT_DIR, { recursive: true });
  const file = `${OUT_DIR}eval-retrieval.json`;
  const json = {
    model: { id: model.id, dtype: model.dtype.wasm, dims: model.dims },
    date: new Date().toISOString(),
    seconds,
    ...report,
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
