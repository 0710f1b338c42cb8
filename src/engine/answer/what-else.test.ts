import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb, type MessageRow } from '../../shared/db';
import { tIn } from '../../shared/i18n-in';
import { embeddingModel } from '../../shared/model-registry';
import { startExchange } from '../../shared/store/conversations';
import { oneHopSources } from '../../shared/store/graph-hop';
import { MemoryIndex } from '../index/memory-index';
import { KnownEntities } from '../ingest/known-entities';
import { Answerer } from './answer';
import { noEmbedder, noGenerator, rememberWithGraph, type GraphPage } from './graph-pages';

const spec = embeddingModel('engram/glove-100d-static');

let db: EngramDb;
let index: MemoryIndex;
let known: KnownEntities;
let pages: { a: string; b: string; c: string };

/** Saved a minute apart, in one sitting: the unrelated page is linked to the others by time. */
const at = (minute: number) => Date.UTC(2026, 2, 10, 9, minute);
const remember = (page: GraphPage) => rememberWithGraph(db, index, known, page);

beforeEach(async () => {
  db = new EngramDb(`what-else-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
  known = new KnownEntities(db);
  pages = {
    a: await remember({
      title: 'Tide pools in winter',
      text: 'Tide pools freeze at the edges in winter, and the anemones close up until the thaw.',
      author: 'Mira Okonkwo',
      savedAt: at(0),
    }),
    b: await remember({
      title: 'How kelp forests grow back',
      text: 'Kelp forests grow back within a few years once the urchins that graze them are gone.',
      author: 'Mira Okonkwo',
      savedAt: at(1),
    }),
    c: await remember({
      title: 'Sourdough starter basics',
      text: 'A sourdough starter needs flour, water and a warm kitchen to stay lively.',
      author: 'Tomas Lindqvist',
      savedAt: at(2),
    }),
  };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Asks `question` (after `before`, in one conversation) and returns the answer. */
async function ask(before: string, question: string): Promise<[MessageRow, MessageRow]> {
  const answerer = new Answerer(db, index, noEmbedder(spec), noGenerator, 50, known);
  const first = await startExchange(db, before);
  await answerer.answer(first.messageId);
  const then = await startExchange(db, question, first.conversationId);
  await answerer.answer(then.messageId);
  return [(await db.messages.get(first.messageId))!, (await db.messages.get(then.messageId))!];
}

const cited = (m: MessageRow) => m.citations.map((c) => c.sourceId);

test('"What else did I read about this?" cites the page by the same author, not the cited one', async () => {
  const [first, more] = await ask(
    'Why do tide pools freeze in winter?',
    'What else did I read about this?',
  );
  expect(cited(first)).toEqual([pages.a]);
  expect(cited(more)).toEqual([pages.b]);
  expect(more.searched?.query).toBe(tIn('en', 'answerSearchedConnected', 'Mira Okonkwo'));
});

test('the Chinese question follows the graph too, and says so in Chinese', async () => {
  const [, more] = await ask('Why do tide pools freeze in winter?', '还读过哪些相关的？');
  expect(cited(more)).toEqual([pages.b]);
  expect(more.searched?.query).toBe('与 Mira Okonkwo 相关的页面');
});

test('without a cited page before it, the question is searched as asked', async () => {
  const [first, more] = await ask(
    'quantum chromodynamics lattice',
    'What else did I read about this?',
  );
  expect(cited(first)).toEqual([]);
  expect(more.searched?.query).not.toBe(tIn('en', 'answerSearchedConnected', 'Mira Okonkwo'));
  expect(cited(more)).not.toContain(pages.b);
});

test('one hop: shared authors outweigh a sitting, sites are not followed, the cited are left out', async () => {
  const hop = await oneHopSources(db, [pages.a]);
  const ids = hop.sources.map((s) => s.id);
  expect(ids[0]).toBe(pages.b);
  expect(ids).not.toContain(pages.a);
  // Read minutes apart: a weak neighbour, with no shared name to search it by.
  expect(hop.sources.find((s) => s.id === pages.c)).toMatchObject({ names: [] });
  expect(hop.sources[0]!.score).toBeGreaterThan(hop.sources.at(-1)!.score);
  expect(hop.entities.map((e) => e.name)).toEqual(['Mira Okonkwo']);
});
