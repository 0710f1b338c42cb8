import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, test } from 'vitest';
import { EngramDb, type MessageRow } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { startExchange } from '../../shared/store/conversations';
import { commitIndexed } from '../../shared/store/index-commit';
import { storeNote } from '../../shared/store/sources';
import { Answerer, nothingFound } from './answer';
import { keepPage as keepPageIn } from './answer-test-memory';
import { tIn } from '../../shared/i18n-in';
import { BUILT_IN_MODEL_ID } from '../models/built-in-model';
import type { Embedder } from '../models/embedder';
import type { Generator } from '../models/generator';
import { MemoryIndex } from '../index/memory-index';

const spec = embeddingModel('engram/glove-100d-static');

/** An embedding model that is still downloading, as on a first run. */
const loadingEmbedder = {
  spec,
  isReady: false,
  status: { state: 'loading', describe: () => 'Loading the embedding model… 40%' },
  load: () => new Promise(() => undefined),
} as unknown as Embedder;

/** A language model that could not be downloaded. */
const failedGenerator = {
  spec: { id: 'test/gen' },
  status: { state: 'failed', error: 'offline' },
  load: () => Promise.reject(new Error('offline')),
} as unknown as Generator;

let db: EngramDb;
let index: MemoryIndex;

const keepPage = (url: string, title: string, text: string) =>
  keepPageIn(db, index, { url, title, text });

beforeEach(async () => {
  db = new EngramDb(`answer-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
  await keepPage(
    'https://health.example/peanuts',
    'Babies who eat peanuts early may avoid allergy',
    'Feeding babies peanut snacks before their first birthday prevents peanut allergy.',
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const message = async (id: string): Promise<MessageRow> => (await db.messages.get(id))!;

test('keyword citations appear at once while the embedding model is still loading', async () => {
  const { messageId } = await startExchange(db, 'When should babies eat peanut snacks?');
  const answerer = new Answerer(db, index, loadingEmbedder, failedGenerator, 2_000);
  const done = answerer.answer(messageId);

  const started = Date.now();
  let early: MessageRow | undefined;
  while (Date.now() - started < 1_500) {
    const row = await message(messageId);
    if (row.citations.length > 0) {
      early = row;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(early?.status).toBe('searching');
  expect(early?.citations[0]?.title).toBe('Babies who eat peanuts early may avoid allergy');
  expect(early?.citations[0]?.href).toContain('#:~:text=');

  await done;
  const final = await message(messageId);
  // No language model: the best sentences of the sources, cited.
  expect(final).toMatchObject({ status: 'done', mode: 'extractive' });
  expect(final.text).toContain('peanut');
  expect(final.text).toContain('[1]');
});

describe('a question asked right after a save', () => {
  /** Indexes a stored source as the engine would, `afterMs` from now. */
  const indexLater = (sourceId: string, afterMs: number) =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        void (async () => {
          const source = (await db.sources.get(sourceId))!;
          const end = source.text.length;
          const chunks = [
            { id: `${sourceId}#0`, sourceId, ord: 0, text: source.text, start: 0, end },
          ];
          await commitIndexed(db, { source, chunks });
          index.replaceSource(source, chunks);
          resolve();
        })();
      }, afterMs),
    );

  it('waits for it to be read, then cites it', async () => {
    const { sourceId } = await storeNote(db, 'The glacier tour leaves Tromsø at 7 am.', 'chat');
    const { messageId } = await startExchange(db, 'Which glacier tour leaves Tromsø?');
    const indexed = indexLater(sourceId, 600);
    const answering = new Answerer(db, index, loadingEmbedder, failedGenerator, 50).answer(
      messageId,
    );
    // Meanwhile the answer says what it waits for.
    await new Promise((r) => setTimeout(r, 300));
    expect((await message(messageId)).progress).toBe(tIn('en', 'answerReadingFresh'));
    await Promise.all([answering, indexed]);
    const final = await message(messageId);
    expect(final.status).toBe('done');
    expect(final.citations.map((c) => c.sourceId)).toContain(sourceId);
  });

  it('says it is still reading when the save is not read in time', async () => {
    await storeNote(db, 'The glacier tour leaves Tromsø at 7 am.', 'chat');
    const { messageId } = await startExchange(db, 'Which glacier tour leaves Tromsø?');
    const answerer = new Answerer(db, index, loadingEmbedder, failedGenerator, 50);
    answerer.freshWaitMs = 400;
    await answerer.answer(messageId);
    expect((await message(messageId)).text).toBe(tIn('en', 'answerStillReading'));
  });

  it('does not wait for what was queued long before (an import)', async () => {
    const long = Date.now() - 10 * 60_000;
    await storeNote(db, 'The glacier tour leaves Tromsø at 7 am.', 'chat', long);
    const { messageId } = await startExchange(db, 'When does the glacier tour leave?');
    const started = Date.now();
    await new Answerer(db, index, loadingEmbedder, failedGenerator, 50).answer(messageId);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await message(messageId)).progress ?? '').not.toBe(tIn('en', 'answerReadingFresh'));
  });
});

test('a question with nothing in memory gets a plain answer, not a spinner', async () => {
  const { messageId } = await startExchange(db, 'quantum chromodynamics lattice');
  await new Answerer(db, index, loadingEmbedder, failedGenerator, 50).answer(messageId);
  expect(await message(messageId)).toMatchObject({
    status: 'done',
    text: nothingFound('quantum chromodynamics lattice'),
  });
});

test('"not in memory" is said in the language of the question, with its time', async () => {
  const asked = async (question: string): Promise<string> => {
    const { messageId } = await startExchange(db, question);
    await new Answerer(db, index, loadingEmbedder, failedGenerator, 50).answer(messageId);
    return (await message(messageId)).text;
  };
  expect(await asked('量子色动力学是什么？')).toBe(tIn('zh', 'answerNothingRelevant'));
  expect(await asked('What did I read about quantum chromodynamics last week?')).toBe(
    tIn('en', 'answerNothingInPeriod', 'last week'),
  );
  expect(await asked('上周我读了什么关于量子色动力学的内容？')).toBe(
    tIn('zh', 'answerNothingInPeriod', '上周'),
  );
});

test("an answer written by the browser's built-in model names that model, not the local one", async () => {
  const builtInGenerator = {
    spec: { id: 'test/gen' },
    status: { state: 'ready', describe: () => '' },
    lastProvider: 'local',
    load: () => Promise.resolve(),
    generate(_messages: unknown, onText: (text: string) => void) {
      builtInGenerator.lastProvider = 'built-in';
      onText('Before their first birthday [1].');
      return Promise.resolve('Before their first birthday [1].');
    },
  };
  const { messageId } = await startExchange(db, 'When should babies eat peanut snacks?');
  await new Answerer(
    db,
    index,
    loadingEmbedder,
    builtInGenerator as unknown as Generator,
    50,
  ).answer(messageId);
  expect(await message(messageId)).toMatchObject({
    status: 'done',
    mode: 'generated',
    model: BUILT_IN_MODEL_ID,
  });
});

test('a generated answer never cites a number that is not one of its sources', async () => {
  const written = 'Before their first birthday [1][7], says one page [4].';
  const generator = {
    spec: { id: 'test/gen' },
    status: { state: 'ready', describe: () => '' },
    lastProvider: 'local',
    load: () => Promise.resolve(),
    generate(_messages: unknown, onText: (text: string) => void) {
      onText(written);
      return Promise.resolve(written);
    },
  } as unknown as Generator;
  const { messageId } = await startExchange(db, 'When should babies eat peanut snacks?');
  await new Answerer(db, index, loadingEmbedder, generator, 50).answer(messageId);
  expect(await message(messageId)).toMatchObject({
    status: 'done',
    mode: 'generated',
    text: 'Before their first birthday [1], says one page.',
  });
});

test('an answer whose best passage is weak says it is unsure', async () => {
  // The same page, judged by a model that asks for more evidence: it passes the gate, only just
  // (relevance 1 / 0.8 = 1.25, under this model's line).
  const demanding = { ...spec.relevance, coverage: 0.8, agreedCoverage: 0.8, unsure: 1.5 };
  const weakEmbedder = { ...loadingEmbedder, spec: { ...spec, relevance: demanding } };
  const { messageId } = await startExchange(db, 'When should babies eat peanut snacks?');
  await new Answerer(db, index, weakEmbedder as Embedder, failedGenerator, 50).answer(messageId);
  const final = await message(messageId);
  expect(final).toMatchObject({ status: 'done', mode: 'extractive' });
  expect(final.text.startsWith(`${tIn('en', 'answerUnsure')}\n\n[1] “`)).toBe(true);

  // Judged by the registry's own thresholds, the page holds every word: no hedge.
  const sure = await startExchange(db, 'When should babies eat peanut snacks?');
  await new Answerer(db, index, loadingEmbedder, failedGenerator, 50).answer(sure.messageId);
  expect((await message(sure.messageId)).text.startsWith('[1] “')).toBe(true);
});

/** Keeps a second page in memory, about something else. */
const keepTerrarium = () =>
  keepPage(
    'https://garden.example/terrarium',
    'How to build a terrarium',
    'Put gravel at the bottom of the glass jar, then moss, then small ferns.',
  );

test('a follow-up is searched in its conversation and says what was searched (issue 15)', async () => {
  await keepTerrarium();
  const answerer = new Answerer(db, index, loadingEmbedder, failedGenerator, 50);
  const first = await startExchange(db, 'When should babies eat peanut snacks?');
  await answerer.answer(first.messageId);
  expect((await message(first.messageId)).searched).toBeUndefined();

  const follow = await startExchange(db, 'Does it prevent allergy?', first.conversationId);
  await answerer.answer(follow.messageId);
  const answer = await message(follow.messageId);
  expect(answer.citations.map((c) => c.title)).toEqual([
    'Babies who eat peanuts early may avoid allergy',
  ]);
  expect(answer.searched).toEqual({
    query: 'Does it prevent allergy? (babies eat peanut snacks)',
  });

  // "That article" names the page the last answer cited, and remembers which page it named.
  const third = await startExchange(db, 'Who wrote that article?', follow.conversationId);
  await answerer.answer(third.messageId);
  const named = (await message(third.messageId)).searched;
  expect(named?.query).toBe('Who wrote "Babies who eat peanuts early may avoid allergy"?');
  expect(named?.named).toEqual([answer.citations[0]?.sourceId]);
});

test('a new subject in the same conversation is searched as asked', async () => {
  await keepTerrarium();
  const answerer = new Answerer(db, index, loadingEmbedder, failedGenerator, 50);
  const first = await startExchange(db, 'When should babies eat peanut snacks?');
  await answerer.answer(first.messageId);
  const next = await startExchange(
    db,
    'How do I build a terrarium with moss and small ferns?',
    first.conversationId,
  );
  await answerer.answer(next.messageId);
  const answer = await message(next.messageId);
  expect(answer.searched).toBeUndefined();
  expect(answer.citations[0]?.title).toBe('How to build a terrarium');
});

test('an answer whose tries kill the engine ends as an error, not resumed for ever', async () => {
  // A language model that never returns: the engine died while it wrote.
  let start = 0;
  let asked = 0;
  const dyingGenerator = {
    spec: { id: 'test/gen' },
    status: { state: 'ready', describe: () => `Loading the language model (start ${start})` },
    load: () => Promise.resolve(),
    generate: () => {
      asked++;
      return new Promise(() => undefined);
    },
  } as unknown as Generator;
  const { messageId } = await startExchange(db, 'When should babies eat peanut snacks?');
  for (start = 1; start <= 3; start++) {
    // Each start resumes the unfinished answer (engine.ts), counted before it runs.
    void new Answerer(db, index, loadingEmbedder, dyingGenerator, 50).answer(messageId);
    await until(async () => (await message(messageId)).attempts === start);
    // The model is asked after the answer's last write: nothing is left to write after the test.
    await until(() => Promise.resolve(asked === start));
  }
  await new Answerer(db, index, loadingEmbedder, dyingGenerator, 50).answer(messageId);
  expect(await message(messageId)).toMatchObject({
    status: 'error',
    attempts: 3,
    error: tIn('en', 'answerEngineStopped'),
  });
});

const until = async (check: () => Promise<boolean>, ms = 5_000): Promise<void> => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('nothingFound: in the language of the question', () => {
  it('says nothing kept is about it', () => {
    expect(nothingFound('quantum chromodynamics lattice')).toBe(
      'Nothing you have saved is about that, so I won’t guess.',
    );
    expect(nothingFound('量子色动力学是什么')).toBe(
      '你保存的内容里没有与此相关的，所以我不作猜测。',
    );
  });

  it('names the time asked about, and how to fill an empty memory', () => {
    expect(nothingFound('what did I read about tea', ' last week ')).toBe(
      'I could not find anything about that from last week in your memory. Ask without the time to search everything.',
    );
    expect(nothingFound('上周我读了什么关于茶的内容', '上周')).toMatch(/^在“上周”这段时间里/);
    expect(nothingFound('what is tea', undefined, true)).toMatch(/^Your memory is empty so far/);
    expect(nothingFound('茶是什么', undefined, true)).toMatch(/^你的记忆里还没有内容/);
  });
});
