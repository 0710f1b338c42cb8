/**
 * The graph backfill: sources kept before the knowledge graph (schema v5: sources, chunks and
 * their site only) get their people, organisations, places and ideas, as indexing would have
 * given them; once each, after a kill too, and behind fresh captures.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb, type EntityRow } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { readSetting } from '../../shared/settings';
import { storeCapture } from '../../shared/store/sources';
import type { Embedder } from '../models/embedder';
import { MemoryIndex } from '../index/memory-index';
import { GraphBackfill } from './graph-backfill';
import { IndexingPace } from './indexing-pace';
import { Ingestor } from './ingest';
import { capturePage, until } from './ingest-test-kit';

const spec = embeddingModel('engram/glove-100d-static');
const embedder = {
  spec,
  status: { state: 'ready' },
  isReady: true,
  load: () => Promise.resolve(),
  embed: (texts: string[]) =>
    Promise.resolve(
      texts.map((t, i) =>
        Float32Array.from({ length: 100 }, (_, j) => ((j + i + t.length) % 7) / 7),
      ),
    ),
} as unknown as Embedder;

const AUTHORS = ['Ada Lovelace', 'Grace Hopper', 'Ada Lovelace', 'Alan Turing'];

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`graph-backfill-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Pages with a JSON-LD author and a publisher, indexed the way the engine indexes them. */
async function indexedPages(): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, author] of AUTHORS.entries()) {
    const stored = await storeCapture(
      db,
      {
        mode: 'page',
        url: `https://essays.example.org/essay-${i}`,
        title: `Essay ${i} on analytical engines`,
        text: `Essay ${i}. The analytical engine weaves algebraic patterns. Punched cards hold the program.`,
        links: [],
        extractor: 'readability',
        metadata: {
          jsonLd: [
            JSON.stringify({
              '@type': 'Article',
              author: { '@type': 'Person', name: author },
              publisher: { '@type': 'Organization', name: 'Babbage Society' },
            }),
          ],
          meta: [],
        },
      },
      'shortcut',
      Date.UTC(2026, 2, 1 + i),
    );
    ids.push(stored.sourceId);
  }
  const index = new MemoryIndex(spec);
  await index.load(db);
  await new Ingestor(db, index, embedder).kick();
  return ids;
}

/** What a database kept before schema v6 holds: the graph's site part only. */
async function asBeforeTheGraph(): Promise<void> {
  await db.transaction('rw', [db.entities, db.mentions, db.entityEdges, db.links], async () => {
    await db.mentions.filter((m) => !m.entityId.startsWith('site:')).delete();
    await db.entities.filter((e) => e.kind !== 'site').delete();
    await db.entityEdges.clear();
    await db.links.filter((l) => l.kind === 'similar' || l.kind === 'sitting').delete();
  });
  await db.settings.delete('graphBackfill');
}

const graphEntities = async (): Promise<Array<Partial<EntityRow>>> =>
  (await db.entities.toArray())
    .filter((e) => e.kind !== 'site')
    .map(({ id, kind, sourceCount, firstSeenAt, lastSeenAt }) => ({
      id,
      kind,
      sourceCount,
      firstSeenAt,
      lastSeenAt,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));

/** Sources that mention each entity, counted from the mentions themselves. */
async function mentionCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await db.mentions.toArray())
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return counts;
}

async function backfill(pace?: IndexingPace, ingestor?: Ingestor): Promise<GraphBackfill> {
  const index = new MemoryIndex(spec);
  await index.load(db);
  const known = (ingestor ?? new Ingestor(db, index, embedder)).known;
  return new GraphBackfill(db, index, known, pace, () => ingestor?.settled() ?? Promise.resolve());
}

test('a database kept before the graph gets the entities indexing would have made', async () => {
  await indexedPages();
  const indexed = await graphEntities();
  const edges = await db.entityEdges.count();
  expect(indexed.find((e) => e.id === 'e:person:ada lovelace')?.sourceCount).toBe(2);
  expect(indexed.some((e) => e.kind === 'organisation')).toBe(true);
  expect(indexed.some((e) => e.kind === 'idea')).toBe(true);

  await asBeforeTheGraph();
  expect(await graphEntities()).toEqual([]);
  const run = await backfill();
  expect(await run.run()).toBe(AUTHORS.length);

  expect(await graphEntities()).toEqual(indexed);
  expect(await db.entityEdges.count()).toBe(edges);
  expect(await readSetting(db, 'graphBackfill')).toEqual({ done: true });
  // Marked done: the next start looks at nothing again.
  expect(await (await backfill()).run()).toBe(0);
});

test('killed halfway, a second run resumes and counts each source once', async () => {
  await indexedPages();
  const indexed = await graphEntities();
  await asBeforeTheGraph();

  // The first run writes one source, then waits its turn while the user is active: the engine
  // is killed there (the run is left behind, as a killed document leaves its work).
  const pace = new IndexingPace({ trickleMs: 600_000 });
  const first = await backfill(pace);
  const killed = first.run();
  await until(() => Promise.resolve(pace.progress.waiting));
  const cursor = (await readSetting(db, 'graphBackfill')).after;
  expect(cursor).toBeDefined();
  expect((await graphEntities()).length).toBeGreaterThan(0);

  // The next start resumes after the cursor.
  const second = await (await backfill()).run();
  expect(second).toBe(AUTHORS.length - 1);
  expect(await graphEntities()).toEqual(indexed);

  // Even the left-behind run, woken, writes nothing twice.
  pace.setUserActive(false);
  expect(await killed).toBe(1);
  expect(await graphEntities()).toEqual(indexed);
  const counts = await mentionCounts();
  for (const e of await db.entities.toArray()) expect(e.sourceCount).toBe(counts.get(e.id));
});

test('it gives way to a fresh capture, which is indexed while the backfill waits', async () => {
  await indexedPages();
  await asBeforeTheGraph();
  const index = new MemoryIndex(spec);
  await index.load(db);
  const pace = new IndexingPace({ trickleMs: 600_000 });
  const ingestor = new Ingestor(db, index, embedder, pace);
  const run = new GraphBackfill(db, index, ingestor.known, pace, () => ingestor.settled());
  const walking = run.run();
  await until(() => Promise.resolve(pace.progress.waiting));
  expect(run.progress).toEqual({ done: 1, total: AUTHORS.length });

  const fresh = (await capturePage(db, 'fresh', Date.now())).sourceId;
  await ingestor.kick();
  expect((await db.sources.get(fresh))?.status).toBe('indexed');
  // Still waiting for the user: the fresh page did not wait for the backfill.
  expect(run.progress?.done).toBe(1);

  pace.setUserActive(false);
  expect(await walking).toBe(AUTHORS.length);
  expect(run.progress).toBeUndefined();
  expect((await graphEntities()).find((e) => e.id === 'e:person:alan turing')?.sourceCount).toBe(1);
});
