/**
 * The prompt budget of this engine's language model on this device (core/answer/prompt-budget.ts),
 * and the status line that says how long the first words will take when it will be long.
 */
import { env } from '@huggingface/transformers';
import {
  expectedWaitMs,
  MAX_BUDGET,
  promptBudget,
  promptTokens,
  spokenWait,
  type DeviceClass,
  type PromptBudget,
} from '../../core/answer/prompt-budget';
import { tIn, type TextLanguage } from '../../shared/i18n-in';
import type { GenerationModelSpec } from '../../shared/model-registry';
import type { ModelRuntime } from '../models/model-runtime';

/**
 * The device the models run on, with the WASM threads the runtime was given (runtime-env.ts);
 * WASM where a generator names no runtime.
 */
export function deviceClass(runtime: Pick<ModelRuntime, 'device'> | undefined): DeviceClass {
  return {
    device: runtime?.device === 'webgpu' ? 'webgpu' : 'wasm',
    threads: env.backends.onnx.wasm?.numThreads ?? 1,
  };
}

/**
 * The budget for `spec` on `device`. A model with no recorded speed gets the prompt's full bounds
 * and no expected wait: nothing is known to divide.
 */
export function answerBudget(spec: GenerationModelSpec, device: DeviceClass): PromptBudget {
  if (!spec.wasmSpeed) return { ...MAX_BUDGET, msPerPromptToken: 0 };
  return promptBudget(device, spec.wasmSpeed);
}

/**
 * "Writing…", or "Writing… the first words in about 25 s" when prefill of `messages` will take
 * long on this device (the question's language, as every line of the answer).
 */
export function writingStatus(
  language: TextLanguage,
  messages: ReadonlyArray<{ content: string }>,
  budget: Pick<PromptBudget, 'msPerPromptToken'>,
): string {
  const wait = spokenWait(expectedWaitMs(promptTokens(messages), budget));
  if (!wait) return tIn(language, 'answerWriting');
  return tIn(
    language,
    wait.unit === 'seconds' ? 'answerWritingSeconds' : 'answerWritingMinutes',
    wait.n,
  );
}
