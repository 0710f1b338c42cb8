/**
 * Entity extraction benchmark (issue 14): `npm run bench:entities` (= `npx tsx
 * scripts/bench/entities.ts`). For each of the 94 corpus pages (../shared/corpus/readability-pages):
 * - builds the PageMetadata the content script would send (JSON-LD scripts, meta tags, and
 *   Readability's byline and siteName, all read with linkedom), runs pageEntities, and compares
 *   its authors with the page's authors by hand (entities-gold.ts), by entityKey: precision and
 *   recall over all author names, and the pages where they differ;
 * - times the whole per-page work of indexing: pageEntities, keyPhrases of the article text (with
 *   document frequencies from all corpus articles, as the BM25 index would give them) and the
 *   known-entity matcher (built from every page's metadata entities) over the article text. The
 *   fastest of BENCH_RUNS runs per page (on a shared machine the others measure its other work),
 *   p50 and p95 over pages. HTML parsing and Readability are not timed: the content script already
 *   does them for capture.
 * Prints the numbers and writes bench-results/entities.json.
 *
 * Goal (issue 14): p95 ≤ 30 ms per page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entityId, entityKey } from '../../src/core/graph/entity-key';
import { EntityMatcher } from '../../src/core/graph/entity-matcher';
import { keyPhrases } from '../../src/core/graph/key-phrases';
import { pageEntities, sameAuthorOnPage } from '../../src/core/graph/page-entities';
import { tokenize } from '../../src/core/text/tokenize';
import { corpusPages } from './corpus-pages';
import { CORPUS_AUTHORS, CORRECTED_AUTHORS } from './entities-gold';
import { machineInfo } from './machine';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

const pages = corpusPages();

// --- Authors against the hand lists: the bylines as Reader View shows them, cleaned by hand, and
// the same with the bylines that name someone else than the page's author corrected. A found
// author counts when it is, on that page, the same person (sameAuthorOnPage: "Bruno Rodrigues"
// for "Bruno (Henrique Zecchin) Rodrigues").
function score(gold: Readonly<Record<string, readonly string[]>>) {
  let truePositives = 0;
  let found = 0;
  let expected = 0;
  const differences: Array<{ page: string; expected: string[]; found: string[] }> = [];
  for (const page of pages) {
    const names = gold[page.dir] ?? [];
    const keys = names.map(entityKey);
    const authors = pageEntities(page.metadata).mentions.filter((m) => m.role === 'author');
    const hits = authors.filter((m) => keys.some((k) => sameAuthorOnPage(k, m.key))).length;
    truePositives += hits;
    found += authors.length;
    expected += keys.length;
    if (hits !== keys.length || hits !== authors.length) {
      differences.push({
        page: page.dir,
        expected: [...names],
        found: authors.map((m) => `${m.name} [${m.source}, ${m.kind}]`),
      });
    }
  }
  return {
    precision: round(truePositives / Math.max(1, found)),
    recall: round(truePositives / Math.max(1, expected)),
    correct: truePositives,
    found,
    expected,
    differences,
  };
}
const bylines = score(CORPUS_AUTHORS);
const corrected = score({ ...CORPUS_AUTHORS, ...CORRECTED_AUTHORS });

// --- Time per page: everything indexing would do with a page's entities.
const df = new Map<string, number>();
for (const page of pages)
  for (const t of new Set(tokenize(page.text))) df.set(t, (df.get(t) ?? 0) + 1);
const stats = { df: (t: string) => df.get(t) ?? 0, documents: pages.length };
const known = new Map<string, string>();
for (const page of pages) {
  for (const m of pageEntities(page.metadata).mentions) known.set(m.key, m.name);
}
const matcher = new EntityMatcher([...known].map(([key, name]) => ({ id: entityId(key), name })));

const wall: number[] = [];
const cpu: number[] = [];
const parts = { metadata: [] as number[], phrases: [] as number[], matching: [] as number[] };
const examples: Record<string, { phrases: string[]; known: number }> = {};
for (const page of pages) {
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  const partRuns = { metadata: [] as number[], phrases: [] as number[], matching: [] as number[] };
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    pageEntities(page.metadata);
    const t1 = performance.now();
    const phrases = keyPhrases(page.text, stats, { title: page.title });
    const t2 = performance.now();
    const matches = matcher.find(page.text);
    const t3 = performance.now();
    const c = process.cpuUsage(c0);
    runs.push(t3 - t0);
    cpuRuns.push((c.user + c.system) / 1000);
    partRuns.metadata.push(t1 - t0);
    partRuns.phrases.push(t2 - t1);
    partRuns.matching.push(t3 - t2);
    if (r === 0)
      examples[page.dir] = { phrases: phrases.map((p) => p.phrase), known: matches.length };
  }
  wall.push(Math.min(...runs));
  cpu.push(Math.min(...cpuRuns));
  for (const k of ['metadata', 'phrases', 'matching'] as const)
    parts[k].push(Math.min(...partRuns[k]));
}
const percentile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0, 2);
};

const result = {
  machine: machineInfo(),
  pages: pages.length,
  authors: { bylines, corrected },
  time_ms: {
    runs_per_page: RUNS,
    p50: percentile(wall, 0.5),
    p95: percentile(wall, 0.95),
    max: percentile(wall, 1),
    cpu_p50: percentile(cpu, 0.5),
    cpu_p95: percentile(cpu, 0.95),
    metadata_p95: percentile(parts.metadata, 0.95),
    key_phrases_p95: percentile(parts.phrases, 0.95),
    matching_p95: percentile(parts.matching, 0.95),
    known_names: known.size,
    automaton_states: matcher.size,
  },
  examples,
};

for (const [label, r] of [
  ['bylines', bylines],
  ['corrected', corrected],
] as const) {
  console.log(
    `authors vs ${label}: precision ${r.precision} (${r.correct}/${r.found}), recall ${r.recall} (${r.correct}/${r.expected}) over ${pages.length} pages`,
  );
  for (const d of r.differences)
    console.log(
      `  ${d.page}: expected ${JSON.stringify(d.expected)}, found ${JSON.stringify(d.found)}`,
    );
}
const t = result.time_ms;
console.log(
  `time per page (fastest of ${RUNS} runs): p50 ${t.p50} ms, p95 ${t.p95} ms, max ${t.max} ms; CPU p50 ${t.cpu_p50} ms, p95 ${t.cpu_p95} ms`,
);
console.log(
  `  p95 by part: metadata ${t.metadata_p95} ms, key phrases ${t.key_phrases_p95} ms, known entities ${t.matching_p95} ms (${t.known_names} names, ${t.automaton_states} states)`,
);
mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench-results/entities.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
