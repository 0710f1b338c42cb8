import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { entityKey } from '../../core/graph/entity-key';
import { EngramDb, type SourceRow } from '../db';
import {
  edgesAmong,
  entitiesOfSource,
  entitySources,
  graphSlice,
  neighbourhood,
  relatedEntities,
  searchEntities,
} from './graph-view-reads';
import {
  entityEdgeTable,
  entityTable,
  mentionTable,
  type GraphEntityKind,
  type GraphEntityRow,
} from './graph-view-types';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`graph-view-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const DAY = 86_400_000;
const MARCH = Date.UTC(2026, 2, 1);
const APRIL = Date.UTC(2026, 3, 1);

function entity(
  name: string,
  kind: GraphEntityKind,
  sourceCount: number,
  firstSeenAt: number,
  lastSeenAt = firstSeenAt,
  aliases?: string[],
): GraphEntityRow {
  const key = entityKey(name);
  return {
    id: `e:${kind}:${key}`,
    kind,
    name,
    key,
    firstSeenAt,
    lastSeenAt,
    sourceCount,
    ...(aliases ? { aliases } : {}),
  };
}

const edge = (a: GraphEntityRow, b: GraphEntityRow, weight: number) =>
  a.id < b.id ? { a: a.id, b: b.id, weight } : { a: b.id, b: a.id, weight };

function source(id: string, title: string, savedAt: number): SourceRow {
  return {
    id,
    kind: 'page',
    url: `https://news.example.com/${id}`,
    canonicalUrl: `https://news.example.com/${id}`,
    title,
    site: 'news.example.com',
    text: `${title} text`,
    extractor: 'readability',
    origin: 'shortcut',
    status: 'indexed',
    savedAt,
    lastSeenAt: savedAt,
    seenCount: 1,
    outLinks: [],
  };
}

const hinton = entity('Geoffrey Hinton', 'person', 5, MARCH + 2 * DAY, MARCH + 20 * DAY, [
  'Geoff Hinton',
]);
const openai = entity('OpenAI', 'organisation', 9, MARCH - 40 * DAY, APRIL + 5 * DAY);
const toronto = entity('Toronto', 'place', 2, MARCH - 60 * DAY, MARCH - 30 * DAY);
const ideas = entity('Neural networks', 'idea', 3, APRIL + DAY, APRIL + 2 * DAY);

beforeEach(async () => {
  await entityTable(db).bulkPut([hinton, openai, toronto, ideas]);
  await entityEdgeTable(db).bulkPut([
    edge(hinton, openai, 4),
    edge(hinton, toronto, 1),
    edge(openai, ideas, 2),
  ]);
});

describe('graphSlice', () => {
  test('keeps the most seen entities and only the edges among them', async () => {
    const slice = await graphSlice(db, { kinds: [] }, { nodes: 2, edges: 100 });
    expect(slice.nodes.map((n) => n.name)).toEqual(['OpenAI', 'Geoffrey Hinton']);
    expect(slice.edges).toEqual([edge(hinton, openai, 4)]);
    expect(slice.matching).toBe(4);
  });

  test('filters by kind', async () => {
    const slice = await graphSlice(db, { kinds: ['person', 'place'] });
    expect(slice.nodes.map((n) => n.name).sort()).toEqual(['Geoffrey Hinton', 'Toronto']);
    expect(slice.edges).toEqual([edge(hinton, toronto, 1)]);
  });

  test('"what I read in March": entities whose sightings overlap the month', async () => {
    const slice = await graphSlice(db, { kinds: [], from: MARCH, to: APRIL });
    expect(slice.nodes.map((n) => n.name).sort()).toEqual(['Geoffrey Hinton', 'OpenAI']);
    const before = await graphSlice(db, { kinds: [], to: MARCH });
    expect(before.nodes.map((n) => n.name).sort()).toEqual(['OpenAI', 'Toronto']);
  });

  test('keeps the heaviest edges when there are too many', async () => {
    const ids = [hinton, openai, toronto, ideas].map((e) => e.id);
    expect(await edgesAmong(db, ids, 2)).toEqual([edge(hinton, openai, 4), edge(openai, ideas, 2)]);
    // Through the index (a few nodes of many) the answer is the same.
    expect(await edgesAmong(db, [hinton.id], 10)).toEqual([]);
    expect(await edgesAmong(db, [hinton.id, toronto.id], 10)).toEqual([edge(hinton, toronto, 1)]);
  });

  test('an empty database gives an empty picture', async () => {
    await entityTable(db).clear();
    expect(await graphSlice(db, { kinds: [] })).toEqual({ nodes: [], edges: [], matching: 0 });
  });
});

describe('entity reads', () => {
  test('search finds names by prefix and inside names and aliases, any case', async () => {
    expect((await searchEntities(db, 'open')).map((e) => e.name)).toEqual(['OpenAI']);
    expect((await searchEntities(db, 'HINTON')).map((e) => e.name)).toEqual(['Geoffrey Hinton']);
    expect((await searchEntities(db, 'geoff h')).map((e) => e.name)).toEqual(['Geoffrey Hinton']);
    expect(await searchEntities(db, '   ')).toEqual([]);
  });

  test('related entities come heaviest first, and a neighbourhood holds their edges', async () => {
    const related = await relatedEntities(db, openai.id);
    expect(related.map((r) => [r.entity.name, r.weight])).toEqual([
      ['Geoffrey Hinton', 4],
      ['Neural networks', 2],
    ]);
    const around = await neighbourhood(db, hinton.id);
    expect(around.nodes.map((n) => n.name)).toEqual(['Geoffrey Hinton', 'OpenAI', 'Toronto']);
    expect(around.edges).toHaveLength(2);
    expect(await neighbourhood(db, 'e:person:nobody')).toEqual({ nodes: [], edges: [] });
  });

  test('the sources that mention an entity come newest first, with their role', async () => {
    await db.sources.bulkPut([
      source('src_old', 'Old interview', MARCH),
      source('src_new', 'New profile', MARCH + 10 * DAY),
      source('src_other', 'Unrelated', MARCH + 11 * DAY),
    ]);
    await mentionTable(db).bulkPut([
      { sourceId: 'src_old', entityId: hinton.id, role: 'about' },
      { sourceId: 'src_new', entityId: hinton.id, role: 'author' },
      { sourceId: 'src_other', entityId: openai.id },
      // A mention whose source is gone is skipped.
      { sourceId: 'src_gone', entityId: hinton.id },
    ]);
    const { sources, total } = await entitySources(db, hinton.id);
    expect(sources.map((s) => [s.source.title, s.role])).toEqual([
      ['New profile', 'author'],
      ['Old interview', 'about'],
    ]);
    expect(total).toBe(2);
    expect(sources[0]?.source).not.toHaveProperty('text');
    // And the other way: what a source mentions, most seen first.
    await mentionTable(db).put({ sourceId: 'src_new', entityId: openai.id });
    expect((await entitiesOfSource(db, 'src_new')).map((e) => e.name)).toEqual([
      'OpenAI',
      'Geoffrey Hinton',
    ]);
    expect(await entitiesOfSource(db, 'src_other')).toEqual([openai]);
  });
});
