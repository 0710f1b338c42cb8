import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import type { Embedder } from '../models/embedder';
import { MemoryIndex } from '../index/memory-index';
import { KnownEntities } from '../ingest/known-entities';
import { entitySourceList, MAX_QUESTION_ENTITIES, questionEntities } from './entity-sources';
import { rememberWithGraph } from './graph-pages';
import { retrieve } from './retrieve';

const spec = embeddingModel('engram/glove-100d-static');
const keywordOnly = { spec, isReady: false } as unknown as Embedder;

let db: EngramDb;
let index: MemoryIndex;
let known: KnownEntities;

/** Saves and indexes a page as the engine does, with its part of the graph. */
const remember = (title: string, text: string, author?: string): Promise<string> =>
  rememberWithGraph(db, index, known, {
    title,
    text,
    ...(author ? { author } : {}),
    savedAt: Date.UTC(2026, 2, 1),
  });

beforeEach(() => {
  db = new EngramDb(`entity-sources-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
  known = new KnownEntities(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('a question naming an author cites the pages by them, found by the graph alone', async () => {
  const byHer = await remember(
    'Stadium sold',
    'The football club sold its stadium to the city council after a long vote.',
    'Tariq Panja',
  );
  await remember('Market day', 'Tariq walked to the market on Sunday to buy bread and fruit.');
  // "read" is a common word in a real memory; in two pages it would weigh as much as the name.
  await remember('Weather', 'I read that the weather will turn cold and wet this week.');
  const question = 'what did I read by TARIQ PANJA';

  const without = await retrieve(db, index, keywordOnly, question, { dense: false });
  expect(without.sources.map((s) => s.source.id)).not.toContain(byHer);

  const withGraph = await retrieve(db, index, keywordOnly, question, {
    dense: false,
    entities: known,
  });
  expect(withGraph.sources[0]?.source.id).toBe(byHer);
});

test('a page that names a known person in its text is found under that name', async () => {
  const author = await remember('On data', 'Tables and charts.', 'José García');
  const mentioning = await remember(
    'Interview',
    'Yesterday we spoke with José García about how newsrooms use spreadsheets.',
  );
  const found = await entitySourceList(db, known, 'the articles about Jose Garcia', []);
  expect(found.list.map((c) => c.id)).toEqual([`${author}#0`, `${mentioning}#0`]);
  expect(found.names.get(mentioning)).toEqual(['Jose Garcia']);
});

test('a question naming no known entity adds nothing, and the time filter applies', async () => {
  const page = await remember('Stadium sold', 'The club sold its stadium.', 'Tariq Panja');
  expect((await entitySourceList(db, known, 'what about stadiums', [])).list).toEqual([]);
  const none = await entitySourceList(db, known, 'Tariq Panja', [], () => false);
  expect(none.list).toEqual([]);
  const some = await entitySourceList(db, known, 'Tariq Panja', [], (id) => id.startsWith(page));
  expect(some.list.map((c) => c.id)).toEqual([`${page}#0`]);
});

test('a question names at most a handful of entities, each once', async () => {
  const names = ['Ada One', 'Ada Two', 'Ada Three', 'Ada Four', 'Ada Five', 'Ada Six'];
  for (const name of names) await remember(`By ${name}`, `Words of ${name}.`, name);
  const found = await questionEntities(known, `${names.join(', ')} and Ada One again`);
  expect(found).toHaveLength(MAX_QUESTION_ENTITIES);
  expect(new Set(found.map((e) => e.id)).size).toBe(MAX_QUESTION_ENTITIES);
  expect(found[0]?.name).toBe('Ada One');
});
