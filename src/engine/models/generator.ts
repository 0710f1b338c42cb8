/** Answer generation with a small chat model; text streams to a callback as it is produced. */
import {
  InterruptableStoppingCriteria,
  pipeline,
  TextStreamer,
  type Message,
  type TextGenerationPipeline,
} from '@huggingface/transformers';
import type { BuiltInModel, ChatTurn } from './built-in-model';
import { LazyModel } from './lazy-model';
import type { GenerationModelSpec } from '../../shared/model-registry';
import { ModelState } from './model-state';
import { yieldBetweenTokens } from './yield-between-tokens';
import { pipelineOptions, type ModelRuntime } from './model-runtime';
import { SpeedClock } from './speed-clock';
import type { GenerationSpeed } from '../../core/dialogue/model-rewrite';

export class Generator {
  private readonly model: LazyModel<TextGenerationPipeline>;

  constructor(
    readonly spec: GenerationModelSpec,
    readonly runtime: ModelRuntime = { device: 'wasm' },
    /** Chrome's Prompt API, preferred where it is on the device and serves the languages. */
    private readonly builtIn?: BuiltInModel,
    /** Test builds only: the model may not end an answer before this many tokens (settings.ts). */
    private readonly minNewTokens = 0,
  ) {
    this.model = new LazyModel(
      new ModelState(spec.id, 'generate'),
      (state) => pipeline('text-generation', spec.id, pipelineOptions(spec, runtime, state)),
      { dispose: (generate) => generate.dispose(), idleMs: runtime.idleUnloadMs ?? 0 },
    );
  }

  get status(): ModelState {
    return this.model.status;
  }

  /** The loaded model, to unload it, change when it unloads, or retry a failed load now. */
  get lifecycle(): Pick<LazyModel<TextGenerationPipeline>, 'unload' | 'setIdleMs' | 'retryNow'> {
    return this.model;
  }

  load(): Promise<unknown> {
    return this.model.load();
  }

  /** Which model wrote the last answer (the built-in one, or this spec's). */
  lastProvider: 'built-in' | 'local' = 'local';

  /**
   * How fast this model ran on this device the last time it wrote (undefined before): whether a
   * follow-up may wait for its rewrite (core/dialogue/model-rewrite.ts).
   */
  speed?: GenerationSpeed;

  /**
   * Write an answer, streaming the text so far to `onText`. Aborting `signal` stops the model at
   * its next token (the chat's Stop, issue 15); the words written until then are returned.
   */
  async generate(
    messages: Message[],
    onText: (text: string) => void,
    signal?: AbortSignal,
    /** Fewer new tokens than the spec's answer length (a follow-up's rewrite). */
    maxNewTokens?: number,
  ): Promise<string> {
    const plain = plainTurns(messages);
    const builtIn = this.builtIn;
    if (builtIn && plain && (await builtIn.canAnswer(plain))) {
      this.lastProvider = 'built-in';
      return builtIn.generate(plain, onText, signal);
    }
    this.lastProvider = 'local';
    const turns = messages.map((m) =>
      m.role === 'user' && typeof m.content === 'string'
        ? { ...m, content: m.content + this.spec.userSuffix }
        : m,
    );
    return this.model.use(async (generate) => {
      if (signal?.aborted) return '';
      yieldBetweenTokens(generate.model);
      // Checked by the model after every token: the generation itself ends, not only our reading.
      const stop = new InterruptableStoppingCriteria();
      const interrupt = () => stop.interrupt();
      signal?.addEventListener('abort', interrupt, { once: true });
      let text = '';
      const clock = new SpeedClock(turns);
      const streamer = new TextStreamer(generate.tokenizer, {
        skip_prompt: true,
        skip_special_tokens: true,
        token_callback_function: () => clock.token(),
        callback_function: (piece: string) => {
          text += piece;
          onText(text);
        },
      });
      try {
        await generate(turns, {
          ...generationOptions(this.spec),
          max_new_tokens: maxNewTokens ?? Math.max(this.spec.maxNewTokens, this.minNewTokens),
          ...(this.minNewTokens > 0 && !maxNewTokens ? { min_new_tokens: this.minNewTokens } : {}),
          streamer,
          stopping_criteria: stop,
        });
      } finally {
        signal?.removeEventListener('abort', interrupt);
      }
      this.speed = clock.speed() ?? this.speed;
      return stripThinking(text).trim();
    });
  }
}

/**
 * What Engram asks of the text-generation pipeline besides the streamer: greedy decoding up to
 * the model's answer length, and the model's chat-template variables (Qwen3: `enable_thinking`
 * false), which the pipeline hands to `apply_chat_template` as `tokenizer_encode_kwargs`.
 */
export const generationOptions = (spec: GenerationModelSpec) => ({
  max_new_tokens: spec.maxNewTokens,
  do_sample: false,
  ...(spec.chatTemplateOptions ? { tokenizer_encode_kwargs: { ...spec.chatTemplateOptions } } : {}),
});

/** Qwen3 may still emit an empty `<think></think>` block; it is not part of the answer. */
export const stripThinking = (text: string): string =>
  text.replace(/<think>[\s\S]*?<\/think>/g, '');

/** Text-only turns (the Prompt API takes no images here), or undefined. */
function plainTurns(messages: readonly Message[]): ChatTurn[] | undefined {
  const turns: ChatTurn[] = [];
  for (const m of messages) {
    if (typeof m.content !== 'string' || !['system', 'user', 'assistant'].includes(m.role)) {
      return undefined;
    }
    turns.push({ role: m.role as ChatTurn['role'], content: m.content });
  }
  return turns;
}
