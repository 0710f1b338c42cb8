/**
 * Times one run of the language model (issue 15): the wait before its first new token, per
 * prompt token (prefill), and the time per token after it. The generator keeps the last
 * measure, so the engine can tell before asking whether a short job (a follow-up's rewrite)
 * ends in time on this device, whatever its CPU, GPU or model.
 */
import type { Message } from '@huggingface/transformers';
import type { GenerationSpeed } from '../../core/dialogue/model-rewrite';
import { estimateTokens } from '../../core/text/tokenize';

export class SpeedClock {
  private readonly started = performance.now();
  private readonly promptTokens: number;
  private first = 0;
  private last = 0;
  private tokens = 0;

  constructor(prompt: readonly Message[]) {
    this.promptTokens = prompt.reduce(
      (sum, m) => sum + (typeof m.content === 'string' ? estimateTokens(m.content) : 0),
      0,
    );
  }

  /** A new token came out of the model. */
  token(): void {
    this.last = performance.now();
    if (this.tokens === 0) this.first = this.last;
    this.tokens += 1;
  }

  /** The speed measured, or undefined when the run wrote too little to tell. */
  speed(): GenerationSpeed | undefined {
    if (this.tokens < 2 || this.promptTokens === 0) return undefined;
    return {
      prefillMsPerToken: (this.first - this.started) / this.promptTokens,
      msPerToken: (this.last - this.first) / (this.tokens - 1),
    };
  }
}
