/**
 * An answer in its conversation (issue 15): the recent turns reach the model's prompt, and a
 * follow-up is rewritten by the language model only when the model is loaded and its measured
 * speed says the rewrite ends in time; a slow, stuck or odd rewrite leaves the rules' query.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { GenerationSpeed } from '../../core/dialogue/model-rewrite';
import { EngramDb, type MessageRow } from '../../shared/db';
import { startExchange } from '../../shared/store/conversations';
import { MemoryIndex } from '../index/memory-index';
import type { Generator } from '../models/generator';
import { Answerer } from './answer';
import { keepPage, noEmbedder, testEmbeddingSpec } from './answer-test-memory';

const ANSWER = 'Before their first birthday [1].';
const PEANUTS = 'Babies who eat peanuts early may avoid allergy';
const TERRARIUM = 'How to build a terrarium';
/** What the rules search for "Does it prevent allergy?" after the peanut question. */
const RULES_QUERY = 'Does it prevent allergy? (babies eat peanut snacks)';

interface FakeGenerator {
  speed?: GenerationSpeed;
  /** Every prompt the model was given for an answer. */
  prompts: string[];
  /** How many rewrites were asked for. */
  rewrites: number;
}

/** A loaded model that answers at once and rewrites with `rewrite` (a 32-token job). */
function fakeGenerator(
  speed: GenerationSpeed | undefined,
  rewrite: () => Promise<string> = () => Promise.resolve(''),
): FakeGenerator & Generator {
  const fake = {
    spec: { id: 'test/gen' },
    status: { state: 'ready', describe: () => '' },
    lastProvider: 'local',
    speed,
    prompts: [] as string[],
    rewrites: 0,
    load: () => Promise.resolve(),
    generate(
      messages: { content: string }[],
      onText: (text: string) => void,
      _signal?: AbortSignal,
      maxNewTokens?: number,
    ) {
      if (maxNewTokens !== undefined) {
        fake.rewrites += 1;
        return rewrite();
      }
      fake.prompts.push(messages.map((m) => m.content).join('\n'));
      onText(ANSWER);
      return Promise.resolve(ANSWER);
    },
  };
  return fake as unknown as FakeGenerator & Generator;
}

const FAST: GenerationSpeed = { prefillMsPerToken: 1, msPerToken: 10 };
const SLOW: GenerationSpeed = { prefillMsPerToken: 20, msPerToken: 150 };

let db: EngramDb;
let index: MemoryIndex;

beforeEach(async () => {
  db = new EngramDb(`answer-conversation-${crypto.randomUUID()}`);
  index = new MemoryIndex(testEmbeddingSpec);
  await keepPage(db, index, {
    url: 'https://health.example/peanuts',
    title: PEANUTS,
    text: 'Feeding babies peanut snacks before their first birthday prevents peanut allergy.',
  });
  await keepPage(db, index, {
    url: 'https://garden.example/terrarium',
    title: TERRARIUM,
    text: 'Put gravel at the bottom of the glass jar, then moss, then small ferns.',
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The peanut question answered, then `followUp` asked in the same conversation; its answer. */
async function followUpAnswer(generator: Generator, followUp: string): Promise<MessageRow> {
  const answerer = new Answerer(db, index, noEmbedder, generator, 50);
  const first = await startExchange(db, 'When should babies eat peanut snacks?');
  await answerer.answer(first.messageId);
  const next = await startExchange(db, followUp, first.conversationId);
  await answerer.answer(next.messageId);
  return (await db.messages.get(next.messageId))!;
}

test('the earlier turns of the conversation are in the prompt the model answers from', async () => {
  const generator = fakeGenerator(undefined);
  await followUpAnswer(generator, 'Does it prevent allergy?');
  expect(generator.prompts).toHaveLength(2);
  expect(generator.prompts[0]).not.toContain('Earlier in this conversation');
  const prompt = generator.prompts[1]!;
  expect(prompt).toContain('Earlier in this conversation');
  expect(prompt).toContain(`User: When should babies eat peanut snacks?\nEngram: ${ANSWER}`);
  expect(prompt).toContain(`(In this conversation the question means: ${RULES_QUERY})`);
});

test("a fast model's rewrite is what is searched, and the disclosure says the model wrote it", async () => {
  const generator = fakeGenerator(FAST, () =>
    Promise.resolve('How do I build a terrarium with moss?'),
  );
  const answer = await followUpAnswer(generator, 'And the one with moss?');
  expect(generator.rewrites).toBe(1);
  expect(answer.searched).toEqual({ query: 'How do I build a terrarium with moss?', by: 'model' });
  expect(answer.citations[0]?.title).toBe(TERRARIUM);
});

test('a model too slow for a rewrite is never asked: the rules are searched', async () => {
  const generator = fakeGenerator(SLOW, () =>
    Promise.resolve('Does peanut snacking prevent allergy?'),
  );
  const answer = await followUpAnswer(generator, 'Does it prevent allergy?');
  expect(generator.rewrites).toBe(0);
  expect(answer.searched).toEqual({ query: RULES_QUERY });
});

test('a model whose speed is not measured yet is not asked either', async () => {
  const generator = fakeGenerator(undefined, () =>
    Promise.resolve('Does peanut snacking prevent allergy?'),
  );
  await followUpAnswer(generator, 'Does it prevent allergy?');
  expect(generator.rewrites).toBe(0);
});

test('a rewrite that does not end in time is dropped for the rules', async () => {
  const generator = fakeGenerator(FAST, () => new Promise<string>(() => undefined));
  const started = Date.now();
  const answer = await followUpAnswer(generator, 'Does it prevent allergy?');
  expect(generator.rewrites).toBe(1);
  expect(Date.now() - started).toBeLessThan(4_000);
  expect(answer.searched).toEqual({ query: RULES_QUERY });
  expect(answer.status).toBe('done');
}, 10_000);

test('an odd rewrite (instructions, several lines, another language) is dropped for the rules', async () => {
  for (const odd of [
    'Rewrite the follow-up: does it prevent allergy?',
    'Does peanut snacking prevent allergy?\nIt is a question about babies.',
    '吃花生能预防过敏吗？',
    '',
  ]) {
    const generator = fakeGenerator(FAST, () => Promise.resolve(odd));
    const answer = await followUpAnswer(generator, 'Does it prevent allergy?');
    expect(generator.rewrites).toBe(1);
    expect(answer.searched).toEqual({ query: RULES_QUERY });
  }
});
