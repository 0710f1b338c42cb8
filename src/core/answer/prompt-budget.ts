/**
 * How much of memory a generated answer's prompt may quote, per device class (issue 13): the
 * number and length of the passages and of the earlier turns, chosen so that the model's first
 * words come within a few seconds where the device can do it. Prefill — the model reading its
 * prompt before the first word — costs a fixed time per prompt token on a given device, so the
 * budget is that time divided into the wait the user is asked to bear.
 *
 * The speeds are per WASM thread, from the registry (measured on the shipped models' stand-ins, or
 * estimated from them: docs/MODELS.md). Threads do not add up perfectly; WebGPU was never measured
 * here, so its speed is an assumption, named below, to replace with a measurement.
 */
import { estimateTokens } from '../text/token-estimate';

/** Where the model runs: WebGPU, or WASM with `threads` ONNX Runtime threads. */
export interface DeviceClass {
  device: 'webgpu' | 'wasm';
  threads: number;
}

/** A model's cost on one WASM thread, in ms of CPU per token (model-registry.ts `wasmSpeed`). */
export interface ModelSpeed {
  prefillMsPerToken: number;
  decodeMsPerToken: number;
}

export interface PromptBudget {
  /** Passages quoted, at most. */
  sources: number;
  /** Characters of each passage, at most. */
  sourceChars: number;
  /** Earlier turns carried, at most, and the tokens they may take together. */
  turns: number;
  turnTokens: number;
  /** Prefill on this device, ms per prompt token: what the expected wait is computed from. */
  msPerPromptToken: number;
}

/** The wait for the first words Engram aims at: "a few seconds". */
export const FIRST_WORDS_TARGET_MS = 4_000;
/**
 * Each thread after the first adds this share of one (ONNX Runtime's WASM kernels split a
 * matrix multiply across threads with some loss; not measurable on this 2-core build machine).
 */
export const THREAD_EFFICIENCY = 0.7;
/**
 * WebGPU prefill, ms per prompt token, for a model of the size Engram ships. ASSUMED, not
 * measured (no GPU here): a GPU reads a whole prompt in a few batched passes.
 */
export const WEBGPU_PREFILL_MS_PER_TOKEN = 2;
export const WEBGPU_DECODE_MS_PER_TOKEN = 40;

/** The prompt's fixed part: Engram's system message, the chat template and a question. */
export const FIXED_PROMPT_TOKENS = 300;
/** A passage's tag (number, title, site, date) around its text. */
const SOURCE_TAG_TOKENS = 45;
/** Characters per token of English page text (the budget is set in characters). */
const CHARS_PER_TOKEN = 4;

/** The most the prompt ever holds (prompt.ts and recent-turns.ts have the same bounds). */
export const MAX_BUDGET = { sources: 8, sourceChars: 1_200, turns: 3, turnTokens: 320 } as const;
/** The least worth asking a model for: one passage, long enough to answer from. */
export const MIN_BUDGET = { sources: 1, sourceChars: 500, turns: 0, turnTokens: 0 } as const;
/** Passages quoted before any earlier turn is: the sources hold the facts. */
const SOURCES_BEFORE_TURNS = 3;

/** How many threads' work `threads` threads do. */
export const effectiveThreads = (threads: number): number =>
  1 + Math.max(0, Math.floor(threads) - 1) * THREAD_EFFICIENCY;

/** Prefill time per prompt token on `device` for a model of `speed`. */
export function prefillMsPerToken(device: DeviceClass, speed: ModelSpeed): number {
  if (device.device === 'webgpu')
    return Math.min(WEBGPU_PREFILL_MS_PER_TOKEN, speed.prefillMsPerToken);
  return speed.prefillMsPerToken / effectiveThreads(device.threads);
}

/** Time per written token on `device` for a model of `speed`. */
export function decodeMsPerToken(device: DeviceClass, speed: ModelSpeed): number {
  if (device.device === 'webgpu')
    return Math.min(WEBGPU_DECODE_MS_PER_TOKEN, speed.decodeMsPerToken);
  return speed.decodeMsPerToken / effectiveThreads(device.threads);
}

/**
 * The prompt budget for a model of `speed` on `device`: as many passages (then earlier turns,
 * then more passages) as fit the tokens prefill gets through in FIRST_WORDS_TARGET_MS, never
 * more than MAX_BUDGET and never less than MIN_BUDGET — one passage, even where that takes longer
 * than the target (the status line then says how long: `expectedWaitMs`).
 */
export function promptBudget(device: DeviceClass, speed: ModelSpeed): PromptBudget {
  const msPerPromptToken = prefillMsPerToken(device, speed);
  let left = Math.floor(FIRST_WORDS_TARGET_MS / msPerPromptToken) - FIXED_PROMPT_TOKENS;
  const fullSource = SOURCE_TAG_TOKENS + Math.ceil(MAX_BUDGET.sourceChars / CHARS_PER_TOKEN);
  const room = (tokens: number) => Math.max(0, Math.floor(left / tokens));

  if (left < fullSource) {
    // Not even one whole passage: one, cut to what fits, but never below the useful least.
    const chars = (left - SOURCE_TAG_TOKENS) * CHARS_PER_TOKEN;
    const sourceChars = Math.min(MAX_BUDGET.sourceChars, Math.max(MIN_BUDGET.sourceChars, chars));
    return { ...MIN_BUDGET, sourceChars, msPerPromptToken };
  }
  let sources = Math.min(SOURCES_BEFORE_TURNS, room(fullSource));
  left -= sources * fullSource;
  const turnTokens = Math.min(MAX_BUDGET.turnTokens, Math.max(0, left));
  // A turn is cut to at most ~150 tokens, ~100 as they run (recent-turns.ts).
  const turns = Math.min(MAX_BUDGET.turns, Math.floor(turnTokens / 100));
  left -= turns > 0 ? turnTokens : 0;
  sources = Math.min(MAX_BUDGET.sources, sources + room(fullSource));
  return {
    sources,
    sourceChars: MAX_BUDGET.sourceChars,
    turns,
    turnTokens: turns > 0 ? turnTokens : 0,
    msPerPromptToken,
  };
}

/** The prompt's tokens, estimated from its messages' text (core/text/token-estimate.ts). */
export const promptTokens = (messages: ReadonlyArray<{ content: string }>): number =>
  messages.reduce((sum, m) => sum + estimateTokens(m.content), 0);

/** How long prefill of `tokens` prompt tokens takes under `budget`, in ms. */
export const expectedWaitMs = (tokens: number, budget: Pick<PromptBudget, 'msPerPromptToken'>) =>
  Math.round(tokens * budget.msPerPromptToken);

/** From this wait on, the status line says how long the first words will take. */
export const SAY_WAIT_FROM_MS = 5_000;

/**
 * A wait as the status line says it: whole seconds, rounded up to 5, under 90 s; whole minutes,
 * rounded up, from there. Undefined when the wait is too short to mention.
 */
export function spokenWait(ms: number): { unit: 'seconds' | 'minutes'; n: number } | undefined {
  if (!(ms >= SAY_WAIT_FROM_MS)) return undefined;
  const seconds = ms / 1_000;
  if (seconds < 90) return { unit: 'seconds', n: Math.ceil(seconds / 5) * 5 };
  return { unit: 'minutes', n: Math.ceil(seconds / 60) };
}

/** The prompt tokens a budget spends at most: the fixed part, its passages and its turns. */
export const budgetTokens = (b: Pick<PromptBudget, 'sources' | 'sourceChars' | 'turnTokens'>) =>
  FIXED_PROMPT_TOKENS +
  b.sources * (SOURCE_TAG_TOKENS + Math.ceil(b.sourceChars / CHARS_PER_TOKEN)) +
  b.turnTokens;
