import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChatMessage } from '../../core/answer/prompt';
import { EngramDb, type MessageRow } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { writeSetting } from '../../shared/settings';
import { startExchange } from '../../shared/store/conversations';
import { MemoryIndex } from '../index/memory-index';
import { KnownEntities } from '../ingest/known-entities';
import type { Generator } from '../models/generator';
import { Answerer } from './answer';
import { noEmbedder, noGenerator, rememberWithGraph, type GraphPage } from './graph-pages';

const spec = embeddingModel('engram/glove-100d-static');
let db: EngramDb;
let index: MemoryIndex;
let known: KnownEntities;

const remember = (page: GraphPage) => rememberWithGraph(db, index, known, page);
const mira = 'Mira Okonkwo';

beforeEach(async () => {
  db = new EngramDb(`who-and-when-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
  known = new KnownEntities(db);
  await remember({
    title: 'Tide pools in winter',
    text: 'Tide pools freeze at the edges in winter, and the anemones close up until the thaw.',
    author: mira,
    savedAt: Date.UTC(2026, 2, 3, 12),
  });
  await remember({
    title: 'How kelp forests grow back',
    text: 'Kelp forests grow back within a few years once the urchins that graze them are gone.',
    author: mira,
    savedAt: Date.UTC(2026, 2, 24, 12),
  });
  await remember({
    title: 'Sourdough starter basics',
    text: 'A sourdough starter needs flour, water and a warm kitchen to stay lively.',
    author: 'Tomas Lindqvist',
    savedAt: Date.UTC(2026, 4, 2, 12),
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function ask(question: string, generator = noGenerator): Promise<MessageRow> {
  const { messageId } = await startExchange(db, question);
  await new Answerer(db, index, noEmbedder(spec), generator, 50, known).answer(messageId);
  return (await db.messages.get(messageId))!;
}

test('an answer about an author says how many of theirs were read, and when', async () => {
  const en = await ask('What did I read by Mira Okonkwo?');
  expect(en.citations).toHaveLength(2);
  expect(en.text.split('\n')[0]).toBe('You read 2 articles by Mira Okonkwo, in March 2026.');
  const zh = await ask('我读过 Mira Okonkwo 写的哪些文章？');
  expect(zh.text.split('\n')[0]).toBe('你在 2026 年 3 月读过 Mira Okonkwo 的 2 篇文章。');
  // A question naming nobody gets no such line.
  const plain = await ask('How does a sourdough starter stay lively?');
  expect(plain.text).not.toContain('You read');
});

test('each citation carries the entities it names that the answer is about', async () => {
  const answer = await ask('What did I read by mira okonkwo?');
  for (const citation of answer.citations) {
    expect(citation.entities?.map((e) => e.name)).toEqual([mira]);
    expect(citation.entities?.[0]?.id).toMatch(/^e:person:/);
  }
  // The source's author, though the question names someone else: who wrote it is always worth a link.
  const sourdough = await ask('How does a sourdough starter stay lively?');
  expect(sourdough.citations[0]?.entities?.map((e) => e.name)).toEqual(['Tomas Lindqvist']);
});

test('the language model is told who wrote each source', async () => {
  const prompts: ChatMessage[][] = [];
  const recording = {
    spec: { id: 'test/gen' },
    status: { state: 'ready', describe: () => '' },
    lastProvider: 'local',
    load: () => Promise.resolve(),
    generate: (messages: ChatMessage[]) => {
      prompts.push(messages);
      return Promise.resolve('Two pieces on the sea [1][2].');
    },
  } as unknown as Generator;
  await writeSetting(db, 'generation', true);
  const answer = await ask('What did I read by Mira Okonkwo?', recording);
  expect(answer.mode).toBe('generated');
  expect(prompts[0]?.at(-1)?.content).toContain(`by="${mira}"`);
});
