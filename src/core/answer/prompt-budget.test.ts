import { describe, expect, it } from 'vitest';
import { buildAnswerMessages } from './prompt';
import {
  decodeMsPerToken,
  effectiveThreads,
  expectedWaitMs,
  FIRST_WORDS_TARGET_MS,
  FIXED_PROMPT_TOKENS,
  MAX_BUDGET,
  MIN_BUDGET,
  prefillMsPerToken,
  promptBudget,
  promptTokens,
  spokenWait,
} from './prompt-budget';

/** The registry's figures (model-registry.ts `wasmSpeed`). */
const QWEN3 = { prefillMsPerToken: 115, decodeMsPerToken: 2_800 };
const GEMMA3 = { prefillMsPerToken: 52, decodeMsPerToken: 1_260 };
const FAST = { prefillMsPerToken: 1, decodeMsPerToken: 13 };
const wasm = (threads: number) => ({ device: 'wasm' as const, threads });
const WEBGPU = { device: 'webgpu' as const, threads: 1 };

const page = (n: number, chars: number) => ({
  n,
  title: `Page ${n}`,
  site: 'example.com',
  savedAt: 0,
  text: 'Futures do nothing unless they are polled by an executor. '.repeat(40).slice(0, chars),
});

describe('promptBudget', () => {
  it('divides the prefill cost among threads, each after the first worth 0.7 of one', () => {
    expect(effectiveThreads(1)).toBe(1);
    expect(effectiveThreads(3)).toBeCloseTo(2.4);
    expect(prefillMsPerToken(wasm(3), QWEN3)).toBeCloseTo(115 / 2.4);
    expect(decodeMsPerToken(wasm(3), QWEN3)).toBeCloseTo(2_800 / 2.4);
    expect(prefillMsPerToken(WEBGPU, QWEN3)).toBeLessThan(prefillMsPerToken(wasm(4), QWEN3));
  });

  it('gives Qwen3 on a 4-core laptop without a GPU only the least: one short passage, no turns', () => {
    // 3 threads (cores − 1): ~48 ms a prompt token, so 4 s is 83 tokens, less than the system
    // message alone.
    const budget = promptBudget(wasm(3), QWEN3);
    expect(budget).toMatchObject(MIN_BUDGET);
    expect(promptBudget(wasm(3), GEMMA3)).toMatchObject(MIN_BUDGET);
  });

  it('gives WebGPU several whole passages and earlier turns, within the target', () => {
    const budget = promptBudget(WEBGPU, QWEN3);
    expect(budget.sources).toBeGreaterThanOrEqual(3);
    expect(budget.sourceChars).toBe(MAX_BUDGET.sourceChars);
    expect(budget.turns).toBeGreaterThan(0);
    const messages = buildAnswerMessages(
      'How do futures run?',
      Array.from({ length: 8 }, (_, i) => page(i + 1, 2_000)),
      0,
      undefined,
      { timeZone: 'UTC', budget },
    );
    const tokens = promptTokens(messages) + budget.turnTokens;
    expect(expectedWaitMs(tokens, budget)).toBeLessThanOrEqual(FIRST_WORDS_TARGET_MS);
  });

  it('gives a fast model everything, and never more than the prompt holds', () => {
    expect(promptBudget(wasm(1), FAST)).toMatchObject(MAX_BUDGET);
    expect(promptBudget(wasm(16), FAST)).toMatchObject(MAX_BUDGET);
  });

  it('grows with threads and never shrinks below the least', () => {
    const speed = { prefillMsPerToken: 12, decodeMsPerToken: 100 };
    let last = 0;
    for (const threads of [1, 2, 3, 4, 8]) {
      const b = promptBudget(wasm(threads), speed);
      const size = b.sources * b.sourceChars + b.turnTokens;
      expect(size).toBeGreaterThanOrEqual(last);
      expect(b.sources).toBeGreaterThanOrEqual(1);
      expect(b.sourceChars).toBeGreaterThanOrEqual(MIN_BUDGET.sourceChars);
      last = size;
    }
  });

  it('counts the fixed part of the prompt no lower than the system message it sends', () => {
    const fixed = promptTokens(buildAnswerMessages('How do futures run?', [], 0, undefined, {}));
    expect(fixed).toBeLessThanOrEqual(FIXED_PROMPT_TOKENS);
    expect(fixed).toBeGreaterThan(FIXED_PROMPT_TOKENS * 0.8);
  });
});

describe('the expected wait', () => {
  it('is the prompt tokens times the prefill cost, said only when long', () => {
    const budget = promptBudget(wasm(3), QWEN3);
    const messages = buildAnswerMessages('How do futures run?', [page(1, 2_000)], 0, undefined, {
      timeZone: 'UTC',
      budget,
    });
    const wait = expectedWaitMs(promptTokens(messages), budget);
    // ~450 tokens at ~48 ms: about 20 s on a 4-core laptop, where WebGPU would take a second.
    expect(wait).toBeGreaterThan(15_000);
    expect(wait).toBeLessThan(30_000);
    expect(spokenWait(wait)).toEqual({ unit: 'seconds', n: Math.ceil(wait / 5_000) * 5 });
    expect(spokenWait(4_999)).toBeUndefined();
    expect(spokenWait(5_000)).toEqual({ unit: 'seconds', n: 5 });
    expect(spokenWait(89_000)).toEqual({ unit: 'seconds', n: 90 });
    expect(spokenWait(90_000)).toEqual({ unit: 'minutes', n: 2 });
    expect(spokenWait(Number.NaN)).toBeUndefined();
  });
});
