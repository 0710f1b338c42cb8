/**
 * Stop (issue 15): the Answerer's stop ends the model's writing through the signal, and the
 * answer keeps the words written so far, marked stopped, with its citations.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../../shared/db';
import { startExchange } from '../../shared/store/conversations';
import { MemoryIndex } from '../index/memory-index';
import type { Generator } from '../models/generator';
import { Answerer } from './answer';
import { keepPage, noEmbedder, testEmbeddingSpec } from './answer-test-memory';

/** A model that writes a word every 20 ms until its signal stops it, as the real one does. */
const wordyGenerator = {
  spec: { id: 'test/gen' },
  status: { state: 'ready', describe: () => '' },
  lastProvider: 'local',
  load: () => Promise.resolve(),
  async generate(_m: unknown, onText: (text: string) => void, signal?: AbortSignal) {
    let text = '';
    for (let i = 0; i < 1_000 && !signal?.aborted; i++) {
      text += `word${i} `;
      onText(text);
      await new Promise((r) => setTimeout(r, 20));
    }
    return text.trim();
  },
} as unknown as Generator;

let db: EngramDb;
let index: MemoryIndex;
beforeEach(async () => {
  db = new EngramDb(`answer-stop-${crypto.randomUUID()}`);
  index = new MemoryIndex(testEmbeddingSpec);
  await keepPage(db, index, {
    url: 'https://tides.example/moon',
    title: 'Why the moon makes tides',
    text: 'The moon pulls the oceans, and the tides rise twice a day.',
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('Stop while the model writes keeps the words so far, marked stopped, and ends it', async () => {
  const { messageId } = await startExchange(db, 'Why do the tides rise?');
  const answerer = new Answerer(db, index, noEmbedder, wordyGenerator, 50);
  const done = answerer.answer(messageId);
  const started = Date.now();
  while (!(await db.messages.get(messageId))?.text.includes('word3')) {
    if (Date.now() - started > 5_000) throw new Error('no words written');
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(await answerer.stop(messageId)).toBe(true);
  await done;
  const stopped = (await db.messages.get(messageId))!;
  expect(stopped).toMatchObject({ status: 'done', stopped: true, mode: 'generated', progress: '' });
  expect(stopped.text).toMatch(/^word0 word1 word2 word3/);
  // Stopped within a word or two of the press, not after the thousand.
  expect(stopped.text).not.toContain('word40');
  expect(stopped.citations[0]?.title).toBe('Why the moon makes tides');
  // Finished: a later stop says so, and the engine does not resume it.
  expect(await answerer.stop(messageId)).toBe(false);
});

test('an answer this engine is not writing is marked stopped in the store', async () => {
  const { messageId } = await startExchange(db, 'Why do the tides rise?');
  const answerer = new Answerer(db, index, noEmbedder, wordyGenerator, 50);
  expect(await answerer.stop(messageId)).toBe(true);
  expect(await db.messages.get(messageId)).toMatchObject({ status: 'done', stopped: true });
  // The engine's next start finds it done and leaves it.
  await answerer.answer(messageId);
  expect((await db.messages.get(messageId))?.text).toBe('');
});
