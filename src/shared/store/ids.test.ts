import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { chunkId, chunksById, sourceIdOfChunk } from './chunks';
import { siteEntityId } from './graph';
import { commitIndexed } from './index-commit';
import { ingestJobId, queuedJobs } from './jobs';
import { storeCapture } from './sources';

describe('row ids, each built in one place', () => {
  test('a chunk id gives back its source id, whatever the source id holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (sourceId, ord) => {
        expect(sourceIdOfChunk(chunkId(sourceId, ord))).toBe(sourceId);
      }),
    );
    expect(chunkId('src_1', 3)).toBe('src_1#3');
  });

  test('job and entity ids', () => {
    expect(ingestJobId('src_1')).toBe('ingest:src_1');
    expect(siteEntityId('example.com')).toBe('site:example.com');
  });
});

describe('the stores build their rows with them', () => {
  let db: EngramDb;
  beforeEach(() => {
    db = new EngramDb(`ids-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  test('stage 1 queues the job under its id; stage 3 removes it and keys the site entity', async () => {
    const { sourceId } = await storeCapture(
      db,
      {
        mode: 'page',
        url: 'https://example.com/a',
        title: 'A',
        text: 'Alpha.',
        links: [],
        extractor: 'readability',
      },
      'shortcut',
    );
    expect((await queuedJobs(db)).map((job) => job.id)).toEqual([ingestJobId(sourceId)]);
    const source = (await db.sources.get(sourceId))!;
    const chunk = { id: chunkId(sourceId, 0), sourceId, ord: 0, text: 'Alpha.', start: 0, end: 6 };
    await commitIndexed(db, { source, chunks: [chunk] });
    expect(await queuedJobs(db)).toEqual([]);
    expect(await chunksById(db, [chunkId(sourceId, 1), chunk.id])).toEqual([chunk]);
    expect(await db.entities.get(siteEntityId('example.com'))).toBeDefined();
  });
});
