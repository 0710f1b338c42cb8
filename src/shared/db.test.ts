import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { EngramDb } from './db';

/** Schema v1 exactly as it shipped (frozen here: the fixture of the previous version). */
const V1 = {
  sources: 'id, status, canonicalUrl, savedAt, lastSeenAt, *outLinks',
  chunks: 'id, sourceId',
  entities: 'id, kind',
  mentions: '[sourceId+entityId], entityId',
  links: '[fromId+toId+kind], toId',
  jobs: 'id, status',
  conversations: 'id, updatedAt',
  messages: 'id, [conversationId+createdAt], status',
  settings: 'key',
  models: 'id',
};

test('v1 → v2 keeps every row and adds the site index and the persisted-index tables', async () => {
  const name = `migrate-${crypto.randomUUID()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores(V1);
  const source = {
    id: 'src_1',
    kind: 'page',
    url: 'https://news.example.com/a',
    canonicalUrl: 'https://news.example.com/a',
    title: 'A',
    site: 'news.example.com',
    text: 'Alpha.',
    extractor: 'readability',
    origin: 'shortcut',
    status: 'indexed',
    savedAt: 1,
    lastSeenAt: 2,
    seenCount: 1,
    outLinks: [],
  };
  const chunk = { id: 'src_1#0', sourceId: 'src_1', ord: 0, text: 'Alpha.', start: 0, end: 6 };
  await v1.table('sources').add(source);
  await v1.table('chunks').add(chunk);
  await v1.table('settings').add({ key: 'generation', value: false });
  v1.close();

  const db = new EngramDb(name);
  expect(db.verno).toBe(2);
  expect(await db.sources.get('src_1')).toEqual(source);
  expect(await db.chunks.get('src_1#0')).toEqual(chunk);
  expect(await db.settings.get('generation')).toEqual({ key: 'generation', value: false });
  expect(await db.sources.where('site').equals('news.example.com').primaryKeys()).toEqual([
    'src_1',
  ]);
  expect(await db.indexLog.count()).toBe(0);
  expect(await db.indexSnapshots.count()).toBe(0);
  db.close();
  await db.delete();
});
