import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { dispatch } from '../../shared/dispatch';
import { deleteSources } from '../../shared/store/delete-sources';
import { storeCapture } from '../../shared/store/sources';
import { markerPaths } from '../../../tests/fixtures/marker-scan';
import type { Embedder } from '../models/embedder';
import { forget } from './forget';
import { Ingestor } from '../ingest/ingest';
import { MemoryIndex } from './memory-index';

const spec = embeddingModel('engram/glove-100d-static');
/** No embedding model: keyword search only, as while the model downloads. */
const noEmbedder = {
  spec,
  isReady: false,
  status: { state: 'failed' },
  load: () => Promise.reject(new Error('offline')),
} as unknown as Embedder;

let db: EngramDb;
let index: MemoryIndex;
let ingestor: Ingestor;
beforeEach(async () => {
  db = new EngramDb(`forget-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
  await index.load(db);
  ingestor = new Ingestor(db, index, noEmbedder);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const save = async (url: string, text: string): Promise<string> =>
  (
    await storeCapture(
      db,
      { mode: 'page', url, title: '', text, links: [], extractor: 'readability' },
      'shortcut',
    )
  ).sourceId;
const found = (query: string): string[] => index.keyword.search(query, 10).map((h) => h.id);

test('forgetting a site removes its pages from search and storage, and nothing else', async () => {
  const a = await save('https://news.example.com/a', 'A zeppelin floated over the harbour.');
  const b = await save('https://example.com/b', 'A zeppelin hangar stands empty.');
  const c = await save('https://other.org/c', 'Zeppelin history in one page.');
  await ingestor.kick();
  expect(found('zeppelin')).toHaveLength(3);

  expect(await forget(index, { site: 'www.example.com' }, db)).toEqual({ deleted: 2 });
  expect(found('zeppelin')).toEqual([`${c}#0`]);
  expect(await db.chunks.where('sourceId').anyOf([a, b]).count()).toBe(0);
  expect(index.infoOf(`${a}#0`)).toBeUndefined();

  expect(await forget(index, { sourceIds: [c, 'src_gone'] }, db)).toEqual({ deleted: 1 });
  expect(found('zeppelin')).toEqual([]);
  expect(index.chunkCount).toBe(0);
});

test('a page forgotten while it is being indexed is not brought back', async () => {
  const a = await save('https://example.com/a', 'Quokkas smile at tourists.');
  const indexing = ingestor.kick();
  await forget(index, { sourceIds: [a] }, db);
  await indexing;
  await index.sync(db);
  expect(found('quokkas')).toEqual([]);
  expect(await db.chunks.count()).toBe(0);
  expect(await db.sources.count()).toBe(0);
});

test('memory/forget: extension pages may send it; bad requests get a clear error', async () => {
  const handlers = { 'memory/forget': () => Promise.resolve({ deleted: 0 }) };
  const page = { id: 'x', url: 'chrome-extension://x/settings.html' };
  expect(await dispatch('memory/forget', { site: 'a.com' }, page, 'extension', handlers)).toEqual({
    ok: true,
    value: { deleted: 0 },
  });
  const tab = { id: 'x', url: 'https://a.com/', tab: { id: 1 } } as never;
  expect(
    await dispatch('memory/forget', { site: 'a.com' }, tab, 'content', handlers),
  ).toMatchObject({
    ok: false,
    error: expect.stringMatching(/content script may not send/) as unknown,
  });
  for (const bad of [{}, { site: '' }, { sourceIds: [] }, { site: 'a.com', sourceIds: ['x'] }]) {
    expect(await dispatch('memory/forget', bad, page, 'extension', handlers)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid "memory\/forget"/) as unknown,
    });
  }
});

test('forgetting rewrites the persisted index at once, without the forgotten words', async () => {
  const marker = 'zorblax7q';
  const a = await save('https://example.com/a', `The ${marker} lighthouse logged every storm.`);
  await save('https://example.com/b', 'The harbour lighthouse is white.');
  await ingestor.kick();
  await index.persist(db);
  const parts = async () => markerPaths(await db.indexSnapshots.toArray(), marker);
  expect(await parts()).not.toEqual([]);

  await forget(index, { sourceIds: [a] }, db);
  expect(await db.indexSnapshots.count()).toBeGreaterThan(0);
  expect(await parts()).toEqual([]);
  // In memory too: the keyword index no longer knows the word (not merely skips its chunk).
  expect(index.keyword.documentFrequency(marker)).toBe(0);
  expect(markerPaths(index.keyword.toSnapshot(), marker)).toEqual([]);
  // A start from what was saved finds nothing of it, and the other page still.
  const restarted = new MemoryIndex(spec);
  await restarted.load(db);
  expect(restarted.loadedFrom).toBe('snapshot');
  expect(restarted.keyword.search(marker, 5)).toEqual([]);
  expect(restarted.keyword.search('lighthouse', 5)).toHaveLength(1);
});

test('a delete from another context drops the parts; a save before the sync does not restore them', async () => {
  const marker = 'zorblax7q';
  const a = await save('https://example.com/a', `The ${marker} lighthouse logged every storm.`);
  await ingestor.kick();
  await index.persist(db);
  // The library page deletes directly; the engine has not synced yet when it saves.
  await deleteSources(db, [a]);
  expect(await db.indexSnapshots.count()).toBe(0);
  await index.persist(db);
  expect(markerPaths(await db.indexSnapshots.toArray(), marker)).toEqual([]);
  expect(found(marker)).toEqual([]);
});

test('memory/forget takes a time range: what was saved within [savedFrom, savedTo)', async () => {
  const handlers = { 'memory/forget': () => Promise.resolve({ deleted: 0 }) };
  const page = { id: 'x', url: 'chrome-extension://x/library.html' };
  for (const good of [{ savedFrom: 0 }, { savedFrom: 10, savedTo: 20 }]) {
    expect(await dispatch('memory/forget', good, page, 'extension', handlers)).toMatchObject({
      ok: true,
    });
  }
  for (const bad of [{ savedFrom: -1 }, { savedTo: 5 }, { savedFrom: 0, site: 'a.com' }]) {
    expect(await dispatch('memory/forget', bad, page, 'extension', handlers)).toMatchObject({
      ok: false,
    });
  }
  const now = Date.now();
  await save('https://example.com/a', 'Zeppelins at dawn.');
  await ingestor.kick();
  expect(await forget(index, { savedFrom: now + 60_000 }, db)).toEqual({ deleted: 0 });
  expect(await forget(index, { savedFrom: now - 60_000 }, db)).toEqual({ deleted: 1 });
  expect(found('zeppelins')).toEqual([]);
});
