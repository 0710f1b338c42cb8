import { describe, expect, test } from 'vitest';
import { buildAnswerMessages } from '../../core/answer/prompt';
import {
  BuiltInModel,
  languagesOf,
  type LanguageModelApi,
  type PromptSession,
} from './built-in-model';

async function* stream(pieces: string[]): AsyncIterable<string> {
  for (const piece of pieces) yield await Promise.resolve(piece);
}

/** A fake `LanguageModel` with Chrome's documented languages (en, es, ja). */
function fakeApi(state: 'available' | 'downloadable' | 'unavailable' = 'available') {
  const calls: {
    availability: unknown[];
    create: unknown[];
    prompts: string[];
    destroyed: number;
  } = { availability: [], create: [], prompts: [], destroyed: 0 };
  const api: LanguageModelApi = {
    availability(options) {
      calls.availability.push(options);
      const languages = options?.expectedInputs?.flatMap((i) => i.languages) ?? [];
      return Promise.resolve(
        languages.every((l) => ['en', 'es', 'ja'].includes(l)) ? state : 'unavailable',
      );
    },
    create(options) {
      calls.create.push(options);
      const session: PromptSession = {
        promptStreaming(input: string) {
          calls.prompts.push(input);
          return stream(['From your pages, ', 'the answer is 42 [1].']);
        },
        destroy: () => void calls.destroyed++,
      };
      return Promise.resolve(session);
    },
  };
  return { api, calls };
}

const source = (text: string) => ({ n: 1, title: 'A page', site: 'example.com', savedAt: 0, text });
const turns = (question: string, text = 'The answer to everything is 42.') =>
  buildAnswerMessages(question, [source(text)], 0);

describe('languages', () => {
  test('English and Japanese questions over pages in those languages are served', () => {
    expect(languagesOf(turns('What is the answer?'))).toEqual({ input: ['en'], output: 'en' });
    expect(languagesOf(turns('答えは何ですか？', 'これは日本語のページです。'))).toEqual({
      input: ['ja', 'en'],
      output: 'ja',
    });
    // A Japanese question about an English page: answered in Japanese.
    expect(languagesOf(turns('このページは何について？'))).toEqual({
      input: ['ja', 'en'],
      output: 'ja',
    });
  });
  test('a Chinese question, or a Chinese page, is not', () => {
    expect(languagesOf(turns('答案是什么？'))).toBeUndefined();
    expect(
      languagesOf(turns('What does it say?', '这是一个中文页面，讲的是答案。')),
    ).toBeUndefined();
    expect(languagesOf(turns('한국어 질문입니다'))).toBeUndefined();
  });
});

describe('BuiltInModel', () => {
  test('absent where the browser has no LanguageModel (this Chromium)', async () => {
    const model = new BuiltInModel(undefined);
    expect(model.present).toBe(false);
    expect(await model.canAnswer(turns('What is the answer?'))).toBe(false);
  });

  test('answers an English question, streaming, with the system prompt as initial prompt', async () => {
    const { api, calls } = fakeApi();
    const model = new BuiltInModel(api);
    const messages = turns('What is the answer?');
    expect(await model.canAnswer(messages)).toBe(true);
    const seen: string[] = [];
    const text = await model.generate(messages, (t) => seen.push(t));
    expect(text).toBe('From your pages, the answer is 42 [1].');
    expect(seen).toEqual(['From your pages, ', 'From your pages, the answer is 42 [1].']);
    expect(calls.create[0]).toMatchObject({
      initialPrompts: [{ role: 'system' }],
      expectedInputs: [{ type: 'text', languages: ['en'] }],
      expectedOutputs: [{ type: 'text', languages: ['en'] }],
    });
    expect(calls.prompts[0]).toContain('Question: What is the answer?');
    expect(calls.destroyed).toBe(1);
  });

  test('a Chinese question falls back: the API is not even asked', async () => {
    const { api, calls } = fakeApi();
    expect(await new BuiltInModel(api).canAnswer(turns('答案是什么？'))).toBe(false);
    expect(calls.availability).toHaveLength(0);
  });

  test('a model still to be downloaded, or unavailable, is not used', async () => {
    for (const state of ['downloadable', 'unavailable'] as const) {
      const { api } = fakeApi(state);
      expect(await new BuiltInModel(api).canAnswer(turns('What is the answer?'))).toBe(false);
    }
  });

  test('a throwing availability() means no', async () => {
    const api = {
      availability: () => Promise.reject(new Error('NotSupportedError')),
      create: () => Promise.reject(new Error('unreachable')),
    };
    expect(await new BuiltInModel(api).canAnswer(turns('What is the answer?'))).toBe(false);
  });
});
