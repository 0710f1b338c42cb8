/**
 * Engram's Embedder and Generator on the real fixture models (Node's CPU backend): they unload
 * after the idle period and load again on demand, and the Generator prefers Chrome's built-in
 * model only where it serves the question's language.
 */
import 'fake-indexeddb/auto';
import { env } from '@huggingface/transformers';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { buildAnswerMessages } from '../../core/answer/prompt';
import {
  FIXTURE_EMBEDDING_MODEL,
  FIXTURE_GENERATION_MODEL,
  embeddingModel,
  generationModel,
} from '../../shared/model-registry';
import type { LanguageModelApi } from './built-in-model';
import { BuiltInModel } from './built-in-model';
import { Embedder } from './embedder';
import { Generator } from './generator';

const FIXED_REPLY = "This is a fixed reply from Engram's tiny test model.";

beforeAll(() => {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = fileURLToPath(new URL('../../../tests/fixtures/models/', import.meta.url));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the embedder unloads when unused and reloads on demand, with the same vectors', async () => {
  const embedder = new Embedder(embeddingModel(FIXTURE_EMBEDDING_MODEL), {
    device: 'cpu',
    idleUnloadMs: 150,
  });
  const [first] = await embedder.embed(['a cat sat on the mat'], 'passage');
  expect(embedder.isReady).toBe(true);
  expect(embedder.status.state).toBe('ready');
  await sleep(400);
  expect(embedder.isReady).toBe(false);
  expect(embedder.status.state).toBe('idle');
  const [again] = await embedder.embed(['a cat sat on the mat'], 'passage');
  expect(embedder.status.state).toBe('ready');
  expect(Array.from(again!)).toEqual(Array.from(first!));
});

async function* stream(piece: string): AsyncIterable<string> {
  yield await Promise.resolve(piece);
}

const fakeBuiltIn = (): LanguageModelApi => ({
  availability: (o) =>
    Promise.resolve(
      o?.expectedInputs?.every((i) => i.languages.every((l) => ['en', 'es', 'ja'].includes(l)))
        ? 'available'
        : 'unavailable',
    ),
  create: () =>
    Promise.resolve({
      promptStreaming: () => stream('Gemini Nano says 42 [1].'),
      destroy: () => undefined,
    }),
});

test('the built-in model answers English; a Chinese question falls back to the local model', async () => {
  const generator = new Generator(
    generationModel(FIXTURE_GENERATION_MODEL),
    { device: 'cpu' },
    new BuiltInModel(fakeBuiltIn()),
  );
  const source = { n: 1, title: 'Page', site: 'example.com', savedAt: 0, text: 'It is 42.' };
  const english = await generator.generate(
    buildAnswerMessages('What is it?', [source], 0),
    () => undefined,
  );
  expect(english).toBe('Gemini Nano says 42 [1].');
  expect(generator.lastProvider).toBe('built-in');

  const chinese = await generator.generate(
    buildAnswerMessages('它是什么？', [source], 0),
    () => undefined,
  );
  expect(chinese).toBe(FIXED_REPLY);
  expect(generator.lastProvider).toBe('local');
});
