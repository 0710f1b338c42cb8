import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { commitIndexed } from '../../shared/store/index-commit';
import { storeCapture } from '../../shared/store/sources';
import type { Embedder } from '../models/embedder';
import { Ingestor } from './ingest';
import { MemoryIndex } from '../index/memory-index';

const spec = embeddingModel('engram/glove-100d-static');
let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`ingest-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('backfill embeds exactly the chunks committed before the model was ready', async () => {
  const { sourceId } = await storeCapture(
    db,
    {
      mode: 'page',
      url: 'https://example.com/a',
      title: 'A',
      text: 'First part.\n\nSecond part.',
      links: [],
      extractor: 'readability',
    },
    'shortcut',
  );
  const source = (await db.sources.get(sourceId))!;
  const chunks = ['First part.', 'Second part.'].map((text, ord) => ({
    id: `${sourceId}#${ord}`,
    sourceId,
    ord,
    text,
    start: 0,
    end: text.length,
  }));
  await commitIndexed(db, { source, chunks }); // keyword-only: the model was still loading
  const index = new MemoryIndex(spec);
  await index.load(db);
  expect(index.vectors.size).toBe(0);

  const embedded: string[] = [];
  const embedder = {
    spec,
    embed: (texts: string[]) => {
      embedded.push(...texts);
      return Promise.resolve(
        texts.map((_, i) => Float32Array.from({ length: 100 }, (_, j) => (i + j) % 3)),
      );
    },
  } as unknown as Embedder;
  const ingestor = new Ingestor(db, index, embedder);
  expect(await ingestor.backfill()).toBe(2);
  expect(embedded.sort()).toEqual(['First part.', 'Second part.']);
  expect(index.vectors.size).toBe(2);
  expect((await db.chunks.toArray()).every((c) => c.model === spec.id && c.vector)).toBe(true);
  // Nothing is left to do, and nothing is embedded twice.
  expect(await ingestor.backfill()).toBe(0);
  expect(embedded).toHaveLength(2);
});
