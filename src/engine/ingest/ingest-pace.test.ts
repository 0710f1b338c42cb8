/** The ingestor under an IndexingPace: fresh captures first, bulk work held while the user is active. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import type { Embedder } from '../models/embedder';
import { IndexingPace } from './indexing-pace';
import { Ingestor } from './ingest';
import { capturePage, until } from './ingest-test-kit';
import { MemoryIndex } from '../index/memory-index';

const spec = embeddingModel('engram/glove-100d-static');
let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`ingest-pace-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('a fresh capture is indexed first while old jobs wait for the user to go idle', async () => {
  const hourAgo = Date.now() - 3_600_000;
  const old = [];
  for (const name of ['old-a', 'old-b', 'old-c'])
    old.push((await capturePage(db, name, hourAgo)).sourceId);
  const fresh = (await capturePage(db, 'fresh', Date.now())).sourceId;

  const embedded: string[] = [];
  const embedder = {
    spec,
    status: { state: 'ready' },
    isReady: true,
    embed: (texts: string[]) => {
      embedded.push(...texts);
      return Promise.resolve(texts.map(() => Float32Array.from({ length: 100 }, () => 0.1)));
    },
  } as unknown as Embedder;
  const index = new MemoryIndex(spec);
  await index.load(db);
  const pace = new IndexingPace({ trickleMs: 60_000 });
  pace.setUserActive(true);
  const run = new Ingestor(db, index, embedder, pace).kick();

  const status = async (id: string) => (await db.sources.get(id))?.status;
  await until(async () => (await status(fresh)) === 'indexed');
  expect(embedded[0]).toContain('fresh');
  // One bulk step is let through; the rest wait while the user is active.
  await until(() => Promise.resolve(pace.progress.waiting));
  expect(pace.progress).toMatchObject({ done: 2, total: 4, waiting: true });
  const pending = await Promise.all(old.map(status));
  expect(pending.filter((s) => s === 'pending')).toHaveLength(2);

  pace.setUserActive(false);
  await run;
  expect(await Promise.all(old.map(status))).toEqual(['indexed', 'indexed', 'indexed']);
  expect(pace.progress).toEqual({ done: 0, total: 0, waiting: false }); // the run is over
});
