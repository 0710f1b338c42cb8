import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { EngramDb } from './db';
import { readSetting, readSettingStrict } from './settings';

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

test('v1 → current keeps every row and adds the site index and the persisted-index tables', async () => {
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
  expect(db.verno).toBe(7);
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

/** Schema v2 exactly as it shipped (v1 plus the persisted indexes and sources by site). */
const V2 = {
  ...V1,
  sources: 'id, status, canonicalUrl, savedAt, lastSeenAt, *outLinks, site',
  indexLog: '++seq',
  indexSnapshots: 'key',
};

/** One or more rows in every v2 table, as v2 wrote them, in primary-key order. */
const V2_ROWS: Record<keyof typeof V2, Array<Record<string, unknown>>> = {
  sources: [
    {
      id: 'src_a',
      kind: 'page',
      url: 'https://news.example.com/a',
      canonicalUrl: 'https://news.example.com/a',
      title: 'A',
      site: 'news.example.com',
      text: 'Alpha.\n\nMore alpha.',
      extractor: 'readability',
      origin: 'shortcut',
      status: 'indexed',
      savedAt: 1,
      lastSeenAt: 2,
      seenCount: 2,
      outLinks: ['https://other.org/b'],
    },
    {
      id: 'src_b',
      kind: 'glimpse',
      url: 'https://news.example.com/a',
      canonicalUrl: 'https://news.example.com/a',
      title: 'A',
      site: 'news.example.com',
      text: 'Seen.',
      extractor: 'glimpse-buffer',
      origin: 'shortcut',
      status: 'pending',
      savedAt: 3,
      lastSeenAt: 3,
      seenCount: 1,
      outLinks: [],
      heldUntil: 120_003,
    },
  ],
  chunks: [
    { id: 'src_a#0', sourceId: 'src_a', ord: 0, text: 'Alpha.', start: 0, end: 6 },
    {
      id: 'src_a#1',
      sourceId: 'src_a',
      ord: 1,
      text: 'More alpha.',
      start: 8,
      end: 19,
      vector: Int8Array.of(1, -2, 3),
      scale: 0.5,
      model: 'engram/glove-100d-static',
      next: { vector: Int8Array.of(4, 5), scale: 0.25, model: 'engram/glove-50d-static' },
    },
  ],
  entities: [{ id: 'site:news.example.com', kind: 'site', name: 'news.example.com' }],
  mentions: [{ sourceId: 'src_a', entityId: 'site:news.example.com' }],
  links: [{ fromId: 'src_b', toId: 'src_a', kind: 'glimpse' }],
  jobs: [
    {
      id: 'ingest:src_b',
      kind: 'ingest',
      sourceId: 'src_b',
      status: 'queued',
      attempts: 1,
      error: 'model crashed',
      createdAt: 4,
    },
  ],
  conversations: [{ id: 'c1', title: 'What about alpha?', createdAt: 5, updatedAt: 6 }],
  messages: [
    {
      id: 'm1',
      conversationId: 'c1',
      role: 'user',
      text: 'What about alpha?',
      status: 'done',
      citations: [],
      createdAt: 5,
      updatedAt: 5,
    },
    {
      id: 'm2',
      conversationId: 'c1',
      role: 'assistant',
      text: 'Alpha [1].',
      replyTo: 'm1',
      status: 'done',
      citations: [
        {
          n: 1,
          sourceId: 'src_a',
          chunkId: 'src_a#0',
          title: 'A',
          site: 'news.example.com',
          url: 'https://news.example.com/a',
          savedAt: 1,
          quote: 'Alpha.',
          href: 'https://news.example.com/a#:~:text=Alpha.',
        },
      ],
      mode: 'extractive',
      createdAt: 6,
      updatedAt: 6,
    },
  ],
  settings: [
    { key: 'generation', value: false },
    { key: 'modelIdleMinutes', value: 0 },
    { key: 'pause', value: { since: 7, until: null } },
    { key: 'siteRules', value: [{ pattern: 'bank.example', policy: 'never' }] },
  ],
  models: [
    {
      id: 'engram/glove-100d-static',
      task: 'embed',
      state: 'ready',
      loaded: 10,
      total: 10,
      updatedAt: 8,
    },
  ],
  indexLog: [
    { seq: 1, sourceId: 'src_a' },
    { seq: 2, sourceId: 'src_a', chunkIds: ['src_a#1'] },
  ],
  indexSnapshots: [
    { key: 'dense:engram/glove-100d-static', seq: 0, takenAt: 9, data: { dims: 3 } },
    { key: 'keyword', seq: 0, takenAt: 9, data: { docs: ['src_a#0'] } },
  ],
};

/**
 * The rows v6 changes (issue 14): the site entity gains its key, times and count, from the one
 * source that mentions it (saved at 1), and the mention its source's save time.
 */
const AS_V6: Partial<Record<keyof typeof V2, Array<Record<string, unknown>>>> = {
  entities: [
    {
      id: 'site:news.example.com',
      kind: 'site',
      name: 'news.example.com',
      key: 'news.example.com',
      firstSeenAt: 1,
      lastSeenAt: 1,
      sourceCount: 1,
    },
  ],
  mentions: [{ sourceId: 'src_a', entityId: 'site:news.example.com', at: 1 }],
};

/** The v2 database `name`, populated; `active`: the v2 row naming the embedding model in use. */
async function populatedV2(name: string, active?: unknown): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(2).stores(V2);
  for (const [table, rows] of Object.entries(V2_ROWS)) await v2.table(table).bulkAdd(rows);
  if (active !== undefined) {
    await v2.table('indexSnapshots').add({
      key: 'active-embedding-model',
      seq: 0,
      takenAt: 10,
      data: active,
    });
  }
  v2.close();
}

/** The index names of each object store, as IndexedDB itself holds them. */
function indexNames(db: EngramDb): Record<string, string[]> {
  const idb = db.backendDB();
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  return Object.fromEntries(
    [...idb.objectStoreNames].map((store) => [store, [...tx.objectStore(store).indexNames].sort()]),
  );
}

describe('v2 → v3', () => {
  test('keeps every row, moves the model in use to a setting and drops the unused indexes', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    await populatedV2(name, { model: 'engram/glove-100d-static' });

    const db = new EngramDb(name);
    await db.open();
    expect(db.verno).toBe(7);
    for (const [table, rows] of Object.entries(V2_ROWS)) {
      const stored = await db.table<Record<string, unknown>>(table).toArray();
      // Settings gain the model in use (below); every other table is exactly as v2 left it.
      const kept = stored.filter((row) => row.key !== 'activeEmbeddingModel');
      expect(kept, table).toEqual(AS_V6[table as keyof typeof V2] ?? rows);
    }
    // The fake snapshot row is gone; the setting holds the model, read through the schema.
    expect(await db.indexSnapshots.get('active-embedding-model')).toBeUndefined();
    expect(await db.settings.count()).toBe(V2_ROWS.settings.length + 1);
    expect(await readSetting(db, 'activeEmbeddingModel')).toBe('engram/glove-100d-static');
    // The rest of the settings read as they were written.
    expect(await readSetting(db, 'modelIdleMinutes')).toBe(0);
    expect(await readSettingStrict(db, 'pause')).toEqual({ since: 7, until: null });

    expect(indexNames(db)).toEqual({
      chunks: ['sourceId'],
      conversations: ['updatedAt'],
      // v6 (issue 14): the graph's entities by kind, key, alias keys and last seen; its edges.
      entities: ['aliasKeys', 'key', 'kind', 'lastSeenAt'],
      entityEdges: ['a', 'b'],
      indexLog: [],
      indexSnapshots: [],
      jobs: ['status'],
      links: ['kind', 'toId'],
      // v7: an entity's mentions by time (its first and last seen, when a source is forgotten).
      mentions: ['[entityId+at]', 'entityId'],
      messages: ['[conversationId+createdAt]', 'status'].sort(),
      models: [],
      settings: [],
      // v5 (issue 12) brings savedAt back, and adds kind, for the library; v7 adds extractor
      // (the library's PDF and transcript filters).
      sources: [
        'canonicalUrl',
        'extractor',
        'kind',
        'lastSeenAt',
        'outLinks',
        'savedAt',
        'site',
        'status',
      ],
    });
    // The indexes kept still answer.
    expect(await db.sources.where('outLinks').equals('https://other.org/b').primaryKeys()).toEqual([
      'src_a',
    ]);
    expect(await db.indexLog.orderBy('seq').lastKey()).toBe(2);
    db.close();
    await db.delete();
  });

  test('without the row, or with a malformed one, no model is recorded as in use', async () => {
    for (const active of [undefined, { model: 42 }, 'glove']) {
      const name = `migrate-${crypto.randomUUID()}`;
      await populatedV2(name, active);
      const db = new EngramDb(name);
      expect(await readSetting(db, 'activeEmbeddingModel')).toBeUndefined();
      expect(await db.settings.get('activeEmbeddingModel')).toBeUndefined();
      expect(await db.indexSnapshots.get('active-embedding-model')).toBeUndefined();
      expect(await db.indexSnapshots.count()).toBe(V2_ROWS.indexSnapshots.length);
      db.close();
      await db.delete();
    }
  });
});

test('a newer version opened elsewhere is not blocked: this connection closes', async () => {
  const name = `versionchange-${crypto.randomUUID()}`;
  const db = new EngramDb(name);
  await db.open();
  const newer = await new Promise<string>((resolve) => {
    // Dexie stores version n as IndexedDB version 10n: one above the current schema.
    const open = indexedDB.open(name, (db.verno + 1) * 10);
    open.onblocked = () => resolve('blocked');
    open.onsuccess = () => {
      open.result.close();
      resolve('opened');
    };
    open.onerror = () => resolve('failed');
  });
  expect(newer).toBe('opened');
  expect(db.isOpen()).toBe(false);
  // Closed without disabling auto-open: the next access opens it again.
  expect(await db.sources.count()).toBe(0);
  db.close();
  await db.delete();
});

test('v3 → v4 keeps every row and finds links by kind', async () => {
  const name = `migrate-${crypto.randomUUID()}`;
  const v3 = new Dexie(name);
  v3.version(3).stores({
    ...V2,
    sources: 'id, status, canonicalUrl, lastSeenAt, *outLinks, site',
    entities: 'id',
  });
  for (const [table, rows] of Object.entries(V2_ROWS)) await v3.table(table).bulkAdd(rows);
  v3.close();

  const db = new EngramDb(name);
  await db.open();
  expect(db.verno).toBe(7);
  for (const [table, rows] of Object.entries(V2_ROWS)) {
    expect(await db.table(table).toArray(), table).toEqual(AS_V6[table as keyof typeof V2] ?? rows);
  }
  expect(await db.links.where('kind').equals('glimpse').primaryKeys()).toEqual([
    ['src_b', 'src_a', 'glimpse'],
  ]);
  db.close();
  await db.delete();
});

/** Schema v4 as it shipped (v3's, with links by kind). */
const V4 = {
  ...V2,
  sources: 'id, status, canonicalUrl, lastSeenAt, *outLinks, site',
  entities: 'id',
  links: '[fromId+toId+kind], toId, kind',
};

test('v4 → v5 keeps every row and lists sources by save time and kind', async () => {
  const name = `migrate-${crypto.randomUUID()}`;
  const v4 = new Dexie(name);
  v4.version(4).stores(V4);
  for (const [table, rows] of Object.entries(V2_ROWS)) await v4.table(table).bulkAdd(rows);
  v4.close();

  const db = new EngramDb(name);
  await db.open();
  expect(db.verno).toBe(7);
  for (const [table, rows] of Object.entries(V2_ROWS)) {
    expect(await db.table(table).toArray(), table).toEqual(AS_V6[table as keyof typeof V2] ?? rows);
  }
  const bySaved = V2_ROWS.sources
    .map((s) => s as { id: string; savedAt: number; kind: string })
    .sort((a, b) => b.savedAt - a.savedAt);
  expect(await db.sources.orderBy('savedAt').reverse().primaryKeys()).toEqual(
    bySaved.map((s) => s.id),
  );
  expect(await db.sources.where('kind').equals('page').count()).toBe(
    bySaved.filter((s) => s.kind === 'page').length,
  );
  db.close();
  await db.delete();
});

test('v5 → v6 counts each site entity from its mentions and dates them by their sources', async () => {
  const name = `migrate-${crypto.randomUUID()}`;
  const v5 = new Dexie(name);
  v5.version(5).stores({
    ...V4,
    sources: 'id, status, canonicalUrl, lastSeenAt, *outLinks, site, savedAt, kind',
  });
  const base = V2_ROWS.sources[0]!;
  const sources = [
    { ...base, id: 'src_1', savedAt: 30 },
    { ...base, id: 'src_2', savedAt: 10 },
    { ...base, id: 'src_3', site: 'other.org', savedAt: 20 },
  ];
  await v5.table('sources').bulkAdd(sources);
  await v5.table('entities').bulkAdd([
    { id: 'site:news.example.com', kind: 'site', name: 'news.example.com' },
    { id: 'site:other.org', kind: 'site', name: 'other.org' },
    // No source mentions it (a crash between the two deletes of an older version): it goes.
    { id: 'site:gone.example', kind: 'site', name: 'gone.example' },
  ]);
  await v5.table('mentions').bulkAdd([
    { sourceId: 'src_1', entityId: 'site:news.example.com' },
    { sourceId: 'src_2', entityId: 'site:news.example.com' },
    { sourceId: 'src_3', entityId: 'site:other.org' },
  ]);
  v5.close();

  const db = new EngramDb(name);
  await db.open();
  expect(db.verno).toBe(7);
  expect(await db.entities.toArray()).toEqual([
    {
      id: 'site:news.example.com',
      kind: 'site',
      name: 'news.example.com',
      key: 'news.example.com',
      firstSeenAt: 10,
      lastSeenAt: 30,
      sourceCount: 2,
    },
    {
      id: 'site:other.org',
      kind: 'site',
      name: 'other.org',
      key: 'other.org',
      firstSeenAt: 20,
      lastSeenAt: 20,
      sourceCount: 1,
    },
  ]);
  expect((await db.mentions.toArray()).map((m) => [m.sourceId, m.at])).toEqual([
    ['src_1', 30],
    ['src_2', 10],
    ['src_3', 20],
  ]);
  // The new indexes answer.
  expect(await db.entities.where('kind').equals('site').count()).toBe(2);
  expect(await db.entities.where('key').equals('other.org').primaryKeys()).toEqual([
    'site:other.org',
  ]);
  expect(await db.entities.orderBy('lastSeenAt').last()).toMatchObject({ lastSeenAt: 30 });
  expect(await db.entityEdges.count()).toBe(0);
  db.close();
  await db.delete();
});

test('v6 → v7 keeps every source and finds PDFs and transcripts by extractor', async () => {
  const name = `migrate-${crypto.randomUUID()}`;
  const v6 = new Dexie(name);
  v6.version(6).stores({
    ...V4,
    sources: 'id, status, canonicalUrl, lastSeenAt, *outLinks, site, savedAt, kind',
    entities: 'id, kind, key, lastSeenAt, *aliasKeys',
    entityEdges: '[a+b], a, b',
  });
  const base = V2_ROWS.sources[0]!;
  // In id order, as the table gives them back.
  const sources = [
    { ...base, id: 'src_page' },
    { ...base, id: 'src_pdf', extractor: 'pdf' },
    { ...base, id: 'src_video', extractor: 'youtube-transcript' },
  ];
  await v6.table('sources').bulkAdd(sources);
  v6.close();

  const db = new EngramDb(name);
  await db.open();
  expect(db.verno).toBe(7);
  expect(await db.sources.toArray()).toEqual(sources);
  // The index is built from the rows already there, not only from rows written after.
  expect(await db.sources.where('extractor').equals('pdf').primaryKeys()).toEqual(['src_pdf']);
  expect(await db.sources.where('extractor').equals('youtube-transcript').primaryKeys()).toEqual([
    'src_video',
  ]);
  db.close();
  await db.delete();
});
