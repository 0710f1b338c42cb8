/**
 * What a generation model costs the user on this device (issue 13): how long until the first
 * words of an answer with this device's prompt budget, and until two sentences are written, from
 * the registry's per-thread speed (docs/MODELS.md says how each was measured or estimated).
 */
import {
  budgetTokens,
  decodeMsPerToken,
  promptBudget,
  type DeviceClass,
} from '../../core/answer/prompt-budget';
import type { EngineRuntime } from '../../shared/engine-info';
import { t } from '../../shared/i18n';
import type { ModelSpec } from '../../shared/model-registry';

/** Two short sentences, in tokens: the answer Engram asks the model for. */
export const TWO_SENTENCES_TOKENS = 60;

/**
 * The device the engine reported, or, before it ran, the one it would choose: WASM with
 * `cores − 1` threads, at most 4, as engine/models/runtime-env.ts sets them.
 */
export function deviceOf(runtime: EngineRuntime | undefined, cores?: number): DeviceClass {
  if (runtime) return { device: runtime.device, threads: runtime.threads };
  return { device: 'wasm', threads: Math.max(1, Math.min(4, (cores || 2) - 1)) };
}

export interface ExpectedSpeed {
  firstWordsMs: number;
  twoSentencesMs: number;
  /** Measured on a stand-in of the model, or estimated (another model's figures, or WebGPU). */
  basis: 'measured' | 'estimated';
}

export function expectedSpeed(spec: ModelSpec, device: DeviceClass): ExpectedSpeed | undefined {
  if (spec.task !== 'generate' || !spec.wasmSpeed) return undefined;
  const budget = promptBudget(device, spec.wasmSpeed);
  const firstWordsMs = budgetTokens(budget) * budget.msPerPromptToken;
  const measured = spec.wasmSpeed.basis !== 'estimate' && device.device === 'wasm';
  return {
    firstWordsMs,
    twoSentencesMs: firstWordsMs + TWO_SENTENCES_TOKENS * decodeMsPerToken(device, spec.wasmSpeed),
    basis: measured ? 'measured' : 'estimated',
  };
}

/** "1 s", "8 s", "25 s", "2 min" ("25 秒", "2 分钟"): rounded up, as a wait should be. */
export function durationWords(ms: number): string {
  const seconds = ms / 1_000;
  if (seconds < 10) return t('speedSeconds', Math.max(1, Math.ceil(seconds)));
  if (seconds < 90) return t('speedSeconds', Math.ceil(seconds / 5) * 5);
  return t('speedMinutes', Math.ceil(seconds / 60));
}

/**
 * "First words after about 25 s, two sentences after about 2 min (measured on a stand-in)", or
 * undefined for a model with no recorded speed.
 */
export function speedLine(spec: ModelSpec, device: DeviceClass): string | undefined {
  const speed = expectedSpeed(spec, device);
  if (!speed) return undefined;
  return t(
    speed.basis === 'measured' ? 'speedLineMeasured' : 'speedLineEstimated',
    durationWords(speed.firstWordsMs),
    durationWords(speed.twoSentencesMs),
  );
}
