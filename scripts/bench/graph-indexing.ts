/**
 * Indexing time per page added by the knowledge graph (issue 14): `npm run bench:graph-indexing`. The 94
 * corpus pages are saved one a minute (so sitting links form) into a fake-indexeddb database and
 * committed in order, as the engine does: the engine's share (sourceEntities: metadata, key
 * phrases with document frequencies over the corpus, the known-name matcher learning each commit's
 * names) and the commit with the graph, against the same commit without it on a second database.
 * fake-indexeddb is slower than Chromium's IndexedDB, so the commit numbers are an upper bound.
 * Prints p50/p95 and writes bench-results/graph-indexing.json.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceEntities } from '../../src/core/graph/source-graph';
import { tokenize } from '../../src/core/text/tokenize';
import { KnownEntities } from '../../src/engine/ingest/known-entities';
import { EngramDb } from '../../src/shared/db';
import { commitSource } from '../../src/shared/store/index-commit';
import { storeCapture } from '../../src/shared/store/sources';
import { corpusPages } from './corpus-pages';
import { machineInfo } from './machine';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pages = corpusPages();
const df = new Map<string, number>();
for (const page of pages)
  for (const t of new Set(tokenize(page.text))) df.set(t, (df.get(t) ?? 0) + 1);
const stats = { df: (t: string) => df.get(t) ?? 0, documents: pages.length };

const withGraph = new EngramDb(`bench-graph-${Date.now()}`);
const without = new EngramDb(`bench-plain-${Date.now()}`);
const known = new KnownEntities(withGraph);
const extract: number[] = [];
const commitGraph: number[] = [];
const commitPlain: number[] = [];
for (const [i, page] of pages.entries()) {
  const capture = {
    mode: 'page' as const,
    url: `https://${page.dir}.example.com/article`,
    title: page.title || page.dir,
    text: page.text || page.dir,
    links: [],
    extractor: 'readability' as const,
    metadata: {
      ...page.metadata,
      jsonLd: [...page.metadata.jsonLd],
      meta: [...page.metadata.meta],
    },
  };
  const at = 1_700_000_000_000 + i * 60_000;
  const a = await storeCapture(withGraph, capture, 'shortcut', at);
  const b = await storeCapture(without, capture, 'shortcut', at);
  const source = (await withGraph.sources.get(a.sourceId))!;
  const t0 = performance.now();
  await known.ready();
  const { entities, matched } = sourceEntities({
    metadata: source.metadata,
    title: source.title,
    text: source.text,
    stats,
    known,
  });
  const t1 = performance.now();
  const done = await commitSource(withGraph, {
    source,
    chunks: [],
    graph: { entities, matched, similar: [] },
  });
  const t2 = performance.now();
  if (done) known.learn(done.named);
  const plain = (await without.sources.get(b.sourceId))!;
  const t3 = performance.now();
  await commitSource(without, { source: plain, chunks: [] });
  const t4 = performance.now();
  extract.push(t1 - t0);
  commitGraph.push(t2 - t1);
  commitPlain.push(t4 - t3);
}
const percentile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((x, y) => x - y);
  return Number(
    (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0).toFixed(2),
  );
};
const added = extract.map((e, i) => e + (commitGraph[i] ?? 0) - (commitPlain[i] ?? 0));
const result = {
  machine: machineInfo(),
  pages: pages.length,
  time_ms: {
    added_p50: percentile(added, 0.5),
    added_p95: percentile(added, 0.95),
    extract_p50: percentile(extract, 0.5),
    extract_p95: percentile(extract, 0.95),
    commit_with_graph_p95: percentile(commitGraph, 0.95),
    commit_without_graph_p95: percentile(commitPlain, 0.95),
  },
  graph: {
    entities: await withGraph.entities.count(),
    mentions: await withGraph.mentions.count(),
    edges: await withGraph.entityEdges.count(),
    links: await withGraph.links.count(),
  },
};
const t = result.time_ms;
console.log(
  `graph time per page added: p50 ${t.added_p50} ms, p95 ${t.added_p95} ms (extraction p95 ${t.extract_p95} ms; commit p95 ${t.commit_with_graph_p95} ms with the graph, ${t.commit_without_graph_p95} ms without, fake-indexeddb)`,
);
console.log(`graph after ${pages.length} pages: ${JSON.stringify(result.graph)}`);
mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  path.join(ROOT, 'bench-results/graph-indexing.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
withGraph.close();
without.close();
