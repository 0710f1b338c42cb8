/**
 * An answer that fails says so in the question's language, in words for the user (docs/VOICE.md,
 * rule 8), never the raw English error of the code that failed.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { EngramDb } from '../../shared/db';
import { tIn } from '../../shared/i18n-in';
import { startExchange } from '../../shared/store/conversations';
import { MemoryIndex } from '../index/memory-index';
import type { Embedder } from '../models/embedder';
import type { Generator } from '../models/generator';
import { Answerer } from './answer';
import { keepPage, testEmbeddingSpec } from './answer-test-memory';

const RAW = 'QuotaExceededError: Transaction aborted in objectStore messages';

/** An embedding model whose state cannot be read: the answer fails midway. */
const brokenEmbedder = {
  spec: testEmbeddingSpec,
  isReady: false,
  get status(): never {
    throw new Error(RAW);
  },
  load: () => new Promise(() => undefined),
} as unknown as Embedder;
const noGenerator = { status: { state: 'unavailable' } } as unknown as Generator;

let db: EngramDb;
let index: MemoryIndex;
beforeEach(async () => {
  db = new EngramDb(`answer-errors-${crypto.randomUUID()}`);
  index = new MemoryIndex(testEmbeddingSpec);
  await keepPage(db, index, {
    url: 'https://tea.example/qingshi',
    title: '青石镇的茶农',
    text: '青石镇的茶农在清明前采摘春茶。 The tea farmers of Qingshi pick before Qingming.',
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

test.each([
  ['zh', '青石镇的茶农什么时候采茶？'],
  ['en', 'When do the tea farmers of Qingshi pick?'],
] as const)('a failed answer is worded in the question’s language (%s)', async (language, q) => {
  const { messageId } = await startExchange(db, q);
  await new Answerer(db, index, brokenEmbedder, noGenerator, 50).answer(messageId);
  const row = (await db.messages.get(messageId))!;
  expect(row.status).toBe('error');
  expect(row.error).toBe(tIn(language, 'answerFailedReason'));
  expect(row.error).not.toContain('QuotaExceeded');
  // The raw error still reaches the log, for whoever looks into it.
  expect(console.warn).toHaveBeenCalledWith('Engram: answering failed:', expect.any(Error));
});
