import { env } from '@huggingface/transformers';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAnswerMessages } from '../../core/answer/prompt';
import { MAX_BUDGET, MIN_BUDGET } from '../../core/answer/prompt-budget';
import { tIn } from '../../shared/i18n-in';
import { generationModel } from '../../shared/model-registry';
import { answerBudget, deviceClass, writingStatus } from './answer-budget';

const QWEN3 = generationModel('onnx-community/Qwen3-0.6B-ONNX');
const TINY = generationModel('engram/tiny-gpt');
const LAPTOP = { device: 'wasm' as const, threads: 3 };
const page = (text: string) => ({ n: 1, title: 'Tea', site: 'example.com', savedAt: 0, text });

const wasm = env.backends.onnx.wasm!;
const threadsBefore = wasm.numThreads;
afterEach(() => {
  wasm.numThreads = threadsBefore;
});

describe('answerBudget', () => {
  it('reads the threads the runtime was given, and WebGPU from the runtime', () => {
    wasm.numThreads = 3;
    expect(deviceClass({ device: 'wasm' })).toEqual(LAPTOP);
    expect(deviceClass({ device: 'webgpu' }).device).toBe('webgpu');
    expect(deviceClass(undefined).device).toBe('wasm');
  });

  it('cuts Qwen3 on a laptop without a GPU to one short passage, and leaves a fast model alone', () => {
    expect(answerBudget(QWEN3, LAPTOP)).toMatchObject(MIN_BUDGET);
    expect(answerBudget(TINY, LAPTOP)).toMatchObject(MAX_BUDGET);
  });
});

describe('writingStatus', () => {
  const ask = (question: string, text: string) =>
    buildAnswerMessages(question, [page(text)], 0, undefined, {
      timeZone: 'UTC',
      budget: answerBudget(QWEN3, LAPTOP),
    });

  it('says how long the first words will take when it is long, in the question’s language', () => {
    const budget = answerBudget(QWEN3, LAPTOP);
    const en = writingStatus(
      'en',
      ask('How is oolong rolled?', 'Oolong is rolled. '.repeat(60)),
      budget,
    );
    expect(en).toMatch(/^Writing… the first words in about \d+ s$/);
    const seconds = Number(/(\d+) s$/.exec(en)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(15);
    expect(seconds).toBeLessThanOrEqual(30);
    const zh = writingStatus(
      'zh',
      ask('乌龙茶怎么揉捻？', '乌龙茶要反复揉捻。'.repeat(60)),
      budget,
    );
    expect(zh).toMatch(/^正在撰写…大约 \d+ 秒后出现第一句$/);
  });

  it('is plain "Writing…" when the wait is short', () => {
    const messages = ask('How is oolong rolled?', 'Oolong is rolled.');
    expect(writingStatus('en', messages, answerBudget(TINY, LAPTOP))).toBe(
      tIn('en', 'answerWriting'),
    );
    expect(writingStatus('zh', messages, { msPerPromptToken: 0 })).toBe(tIn('zh', 'answerWriting'));
  });

  it('counts in minutes from a minute and a half', () => {
    const messages = ask('How is oolong rolled?', 'Oolong is rolled. '.repeat(60));
    expect(writingStatus('en', messages, { msPerPromptToken: 500 })).toMatch(
      /^Writing… the first words in about \d+ min$/,
    );
  });
});
