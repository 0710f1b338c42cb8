/** Answer generation with a small chat model; text streams to a callback as it is produced. */
import {
  pipeline,
  TextStreamer,
  type Message,
  type TextGenerationPipeline,
} from '@huggingface/transformers';
import { LazyModel } from './lazy-model';
import type { Device, GenerationModelSpec } from '../shared/model-registry';
import { ModelState } from './model-state';

export class Generator {
  private readonly model: LazyModel<TextGenerationPipeline>;

  constructor(
    readonly spec: GenerationModelSpec,
    device: Device = 'wasm',
  ) {
    this.model = new LazyModel(new ModelState(spec.id, 'generate'), (state) =>
      pipeline('text-generation', spec.id, {
        dtype: spec.dtype[device],
        device,
        // Downloads report through the model store; transformers.js's own events only say how
        // fast it reads finished files back, and asking for them costs a probe request per file.
        ...(__ENGRAM_MODEL_SOURCE__ === 'packaged' ? { progress_callback: state.onProgress } : {}),
      }),
    );
  }

  get status(): ModelState {
    return this.model.status;
  }

  load(): Promise<unknown> {
    return this.model.load();
  }

  async generate(messages: Message[], onText: (text: string) => void): Promise<string> {
    const generate = await this.model.load();
    const turns = messages.map((m) =>
      m.role === 'user' && typeof m.content === 'string'
        ? { ...m, content: m.content + this.spec.userSuffix }
        : m,
    );
    let text = '';
    const streamer = new TextStreamer(generate.tokenizer, {
      skip_prompt: true,
      skip_special_tokens: true,
      callback_function: (piece: string) => {
        text += piece;
        onText(text);
      },
    });
    await generate(turns, { max_new_tokens: this.spec.maxNewTokens, do_sample: false, streamer });
    return stripThinking(text).trim();
  }
}

/** Qwen3 may still emit an empty `<think></think>` block; it is not part of the answer. */
export const stripThinking = (text: string): string =>
  text.replace(/<think>[\s\S]*?<\/think>/g, '');
