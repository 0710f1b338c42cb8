/**
 * Stop (issue 15) on the real fixture model (Node's CPU backend): aborting the signal ends the
 * model's generation itself at the next token, and the words written until then are returned.
 */
import 'fake-indexeddb/auto';
import { env } from '@huggingface/transformers';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { buildAnswerMessages } from '../../core/answer/prompt';
import { FIXTURE_GENERATION_MODEL, generationModel } from '../../shared/model-registry';
import { Generator } from './generator';

beforeAll(() => {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = fileURLToPath(new URL('../../../tests/fixtures/models/', import.meta.url));
});

const source = { n: 1, title: 'Page', site: 'example.com', savedAt: 0, text: 'It is 42.' };
const messages = () => buildAnswerMessages('What is it?', [source], 0);

test('an aborted signal stops a long generation early, keeping the words so far', async () => {
  // 4,000 tokens at least, as the test build's `generationMinTokens` asks: seconds of writing.
  const generator = new Generator(
    generationModel(FIXTURE_GENERATION_MODEL),
    { device: 'cpu' },
    undefined,
    4_000,
  );
  const control = new AbortController();
  let updates = 0;
  let lastSeen = '';
  const started = Date.now();
  const text = await generator.generate(
    messages(),
    (soFar) => {
      updates++;
      lastSeen = soFar;
      if (updates === 5) control.abort();
    },
    control.signal,
  );
  const tookMs = Date.now() - started;
  // The fixed reply's first words, and not much after them: the model stopped within a token.
  expect(text.startsWith('This is a')).toBe(true);
  expect(lastSeen.trim().startsWith(text)).toBe(true);
  expect([...lastSeen].length).toBeLessThan(200);
  expect(updates).toBeLessThan(20);
  expect(tookMs).toBeLessThan(30_000);
}, 60_000);

test('without a stop the minimum length is written: the model does not end at its reply', async () => {
  const generator = new Generator(
    generationModel(FIXTURE_GENERATION_MODEL),
    { device: 'cpu' },
    undefined,
    120,
  );
  let written = '';
  await generator.generate(messages(), (soFar) => (written = soFar));
  // 120 byte tokens, where the fixed reply ends by itself after 52.
  expect(new TextEncoder().encode(written).length).toBeGreaterThan(100);
}, 60_000);

test('a signal aborted before the model starts writes nothing', async () => {
  const generator = new Generator(generationModel(FIXTURE_GENERATION_MODEL), { device: 'cpu' });
  const control = new AbortController();
  control.abort();
  let called = false;
  const text = await generator.generate(messages(), () => (called = true), control.signal);
  expect(text).toBe('');
  expect(called).toBe(false);
}, 60_000);
