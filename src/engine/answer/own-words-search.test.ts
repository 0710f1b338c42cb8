/**
 * Retrieval over the user's own words (issue 15): notes and things said in the chat are found by
 * questions about them, by time ("three weeks ago", "三周前") and by the page a note was noted on.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb, type SourceRow } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { commitIndexed } from '../../shared/store/index-commit';
import { storeSaid } from '../../shared/store/said';
import { storeCapture, storeNote } from '../../shared/store/sources';
import type { NotePage } from '../../shared/store/note-context';
import type { Embedder } from '../models/embedder';
import { MemoryIndex } from '../index/memory-index';
import { retrieve } from './retrieve';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12); // Monday 30 November 2026, noon UTC
/** Keyword search only, under the fixture model's relevance thresholds: no model runs here. */
const spec = embeddingModel('engram/glove-100d-static');
const keywordOnly = { spec, isReady: false } as unknown as Embedder;
let db: EngramDb;
let index: MemoryIndex;

/** Indexes a stored source as the engine would: one chunk, its whole text. */
async function indexed(sourceId: string): Promise<string> {
  const source = (await db.sources.get(sourceId)) as SourceRow;
  const { text } = source;
  const chunks = [{ id: `${sourceId}#0`, sourceId, ord: 0, text, start: 0, end: text.length }];
  await commitIndexed(db, { source, chunks });
  index.replaceSource(source, chunks);
  return sourceId;
}

const note = async (text: string, at: number, page?: NotePage) =>
  indexed((await storeNote(db, text, 'chat', at, page)).sourceId);
const said = async (text: string, at: number) =>
  indexed((await storeSaid(db, text, { conversationId: 'c1', messageId: 'm1' }, at)).sourceId);
const page = async (title: string, text: string, at: number) =>
  indexed(
    (
      await storeCapture(
        db,
        {
          mode: 'page',
          url: `https://example.com/${title}`,
          title,
          text,
          links: [],
          extractor: 'readability',
        },
        'shortcut',
        at,
      )
    ).sourceId,
  );

const ask = async (question: string) =>
  (await retrieve(db, index, keywordOnly, question, { dense: false, now: NOW })).sources.map(
    (s) => s.source.id,
  );

beforeEach(() => {
  db = new EngramDb(`own-words-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('"what did I note three weeks ago" lists the notes of that week, not pages or later notes', async () => {
  const old = await note('ask Mia about the greenhouse heater', NOW - 21 * DAY);
  await note('descale the kettle', NOW - 2 * DAY);
  await page('Greenhouse heaters', 'How greenhouse heaters work.', NOW - 21 * DAY);
  expect(await ask('what did I note three weeks ago')).toEqual([old]);
  expect(await ask('三周前我记了什么')).toEqual([old]);
});

test('what the user said is found by a question about it, and pages on the subject are not', async () => {
  const sister = await said("My sister's birthday is 12 May", NOW - 21 * DAY);
  await page('Sister cities', 'A sister city is a town twinned with another.', NOW - DAY);
  expect(await ask('what did I tell you about my sister?')).toEqual([sister]);
  expect((await ask("When is my sister's birthday?"))[0]).toBe(sister);
});

test('Chinese: 我跟你说过什么关于出差的事 finds what was said about the trip', async () => {
  const trip = await said('我下周三去上海出差', NOW - 3 * DAY);
  await page('上海旅游', '上海出差和旅游的攻略。', NOW - DAY);
  expect(await ask('我跟你说过什么关于出差的事？')).toEqual([trip]);
  expect(await ask('你上次说的出差')).toEqual([trip]);
});

test('a note keeps the page it was noted on: the page’s subject finds it', async () => {
  const idea = await note('the cloche could double as a heat store', NOW - 5 * DAY, {
    url: 'https://news.example.com/sodium',
    title: 'Sodium batteries are coming',
  });
  await note('buy seeds', NOW - 5 * DAY);
  expect(await ask('the idea I had while reading about batteries')).toContain(idea);
});
