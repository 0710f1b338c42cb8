import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb, type ChunkRow } from '../db';
import type { CapturePayload } from '../protocol';
import { beginAttempt, commitIndexed, recordFailure } from './index-commit';
import { MAX_ATTEMPTS } from './jobs';
import { storeCapture } from './sources';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const page = (over: Partial<CapturePayload> = {}): CapturePayload => ({
  mode: 'page',
  url: 'https://example.com/a?utm_source=x#top',
  title: 'Page A',
  text: 'Peanuts early may prevent allergy.\n\nA second paragraph.',
  links: ['https://example.com/b'],
  extractor: 'readability',
  ...over,
});

const chunksFor = (sourceId: string, texts: string[]): ChunkRow[] =>
  texts.map((text, ord) => ({ id: `${sourceId}#${ord}`, sourceId, ord, text, start: 0, end: 0 }));

describe('the capture pipeline', () => {
  test('stage 1 stores a pending source and its job, keyed by content', async () => {
    const stored = await storeCapture(db, page(), 'shortcut', 1_000);
    expect(stored.isNew).toBe(true);
    expect(stored.sourceId).toMatch(/^src_[0-9a-f]{32}$/);
    const source = await db.sources.get(stored.sourceId);
    expect(source).toMatchObject({
      status: 'pending',
      seenCount: 1,
      savedAt: 1_000,
      site: 'example.com',
      canonicalUrl: 'https://example.com/a',
      origin: 'shortcut',
    });
    expect(await db.jobs.toArray()).toMatchObject([
      { sourceId: stored.sourceId, status: 'queued' },
    ]);
  });

  test('the same content saved twice is one source seen twice', async () => {
    const first = await storeCapture(db, page(), 'shortcut', 1_000);
    const again = await storeCapture(
      db,
      page({ text: '  Peanuts early may prevent allergy.\r\n\r\n\r\nA second   paragraph. ' }),
      'menu',
      2_000,
    );
    expect(again).toMatchObject({ sourceId: first.sourceId, isNew: false });
    expect(await db.sources.count()).toBe(1);
    expect(await db.sources.get(first.sourceId)).toMatchObject({ seenCount: 2, lastSeenAt: 2_000 });
    expect(await db.jobs.count()).toBe(1);
  });

  test('stage 3 is idempotent: a retried commit neither duplicates nor loses chunks', async () => {
    const { sourceId } = await storeCapture(db, page(), 'shortcut');
    const source = (await db.sources.get(sourceId))!;
    const chunks = chunksFor(sourceId, [
      'Peanuts early may prevent allergy.',
      'A second paragraph.',
    ]);
    await commitIndexed(db, { source, chunks });
    await commitIndexed(db, { source, chunks });
    expect(await db.chunks.where('sourceId').equals(sourceId).count()).toBe(2);
    expect((await db.sources.get(sourceId))?.status).toBe('indexed');
    expect(await db.jobs.count()).toBe(0);
    expect(await db.mentions.toArray()).toEqual([
      { sourceId, entityId: 'site:example.com', at: expect.any(Number) as number },
    ]);
    expect((await db.entities.get('site:example.com'))?.sourceCount).toBe(1);
  });

  test('a crash between the stages leaves the job queued for the next start', async () => {
    const { sourceId } = await storeCapture(db, page(), 'shortcut');
    // The worker "dies" here: nothing else ran. Reopening finds the work where it was left.
    db.close();
    const reopened = new EngramDb(db.name);
    expect(await reopened.jobs.get(`ingest:${sourceId}`)).toMatchObject({ status: 'queued' });
    expect((await reopened.sources.get(sourceId))?.status).toBe('pending');
    reopened.close();
    await db.open();
  });

  test('hyperlinks between saved pages become graph links, whichever is saved first', async () => {
    const a = await storeCapture(db, page(), 'shortcut');
    const b = await storeCapture(
      db,
      page({ url: 'https://example.com/b', title: 'B', text: 'Page B text.', links: [] }),
      'menu',
    );
    const sourceA = (await db.sources.get(a.sourceId))!;
    const sourceB = (await db.sources.get(b.sourceId))!;
    await commitIndexed(db, { source: sourceA, chunks: chunksFor(a.sourceId, ['a']) });
    await commitIndexed(db, { source: sourceB, chunks: chunksFor(b.sourceId, ['b']) });
    const links = await db.links.toArray();
    expect(links).toEqual([{ fromId: a.sourceId, toId: b.sourceId, kind: 'hyperlink' }]);
  });

  test('repeated failures mark the source failed with the reason; saving again retries', async () => {
    const { sourceId } = await storeCapture(db, page(), 'shortcut');
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect(await beginAttempt(db, `ingest:${sourceId}`)).toBe(i + 1);
      await recordFailure(db, sourceId, 'model crashed');
    }
    expect(await db.sources.get(sourceId)).toMatchObject({
      status: 'failed',
      error: 'model crashed',
      errorCode: 'error',
    });
    expect((await db.jobs.get(`ingest:${sourceId}`))?.status).toBe('failed');
    await storeCapture(db, page(), 'menu');
    const again = await db.sources.get(sourceId);
    expect(again?.status).toBe('pending');
    expect(again?.errorCode).toBeUndefined();
    expect(await db.jobs.get(`ingest:${sourceId}`)).toMatchObject({
      status: 'queued',
      attempts: 0,
    });
  });

  test('empty text is refused with a clear message and stores nothing', async () => {
    await expect(storeCapture(db, page({ text: ' \n\t ' }), 'shortcut')).rejects.toThrow(
      'There is no text to remember on this page.',
    );
    expect(await db.sources.count()).toBe(0);
  });

  test('secrets are redacted before anything is stored', async () => {
    const { sourceId } = await storeCapture(
      db,
      page({
        text: 'Pay with 4111 1111 1111 1111 today. Key: AKIAIOSFODNN7EXAMPLE.',
        url: 'https://example.com/pay?token=abc123secret',
      }),
      'shortcut',
    );
    const source = (await db.sources.get(sourceId))!;
    expect(source.text).not.toMatch(/4111 1111|AKIAIOSFODNN7EXAMPLE/);
    expect(source.text).toContain('[card number removed]');
    expect(source.url).not.toContain('abc123secret');
  });
});
