/**
 * Speech to text with a Whisper-class model (issue 15), on the device: transformers.js's
 * automatic-speech-recognition pipeline, loaded on first use (the first press of a microphone)
 * and downloaded like the other models, with its progress in the `models` table. Never the
 * browser's Web Speech recognition, which sends the audio to a server.
 */
import { pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { SpeechModelSpec } from '../../shared/model-registry';
import { LazyModel } from './lazy-model';
import { pipelineOptions, type ModelRuntime } from './model-runtime';
import { ModelState } from './model-state';

export class Transcriber {
  private readonly model: LazyModel<AutomaticSpeechRecognitionPipeline>;

  constructor(
    readonly spec: SpeechModelSpec,
    readonly runtime: ModelRuntime = { device: 'wasm' },
  ) {
    this.model = new LazyModel(
      new ModelState(spec.id, 'transcribe'),
      (state) =>
        pipeline('automatic-speech-recognition', spec.id, pipelineOptions(spec, runtime, state)),
      { dispose: (recognise) => recognise.dispose(), idleMs: runtime.idleUnloadMs ?? 0 },
    );
  }

  get status(): ModelState {
    return this.model.status;
  }

  get lifecycle(): Pick<
    LazyModel<AutomaticSpeechRecognitionPipeline>,
    'unload' | 'setIdleMs' | 'retryNow'
  > {
    return this.model;
  }

  /**
   * The text said in `samples` (16 kHz mono, at most 30 s), trimmed; '' when nothing was heard.
   * The language is given, not detected: transformers.js's Whisper falls back to English
   * without it.
   */
  transcribe(samples: Float32Array, language: 'en' | 'zh'): Promise<string> {
    return this.model.use(async (recognise) => {
      // One input gives one output (the pipeline's type also covers batches).
      const output = (await recognise(samples, { language, task: 'transcribe' })) as {
        text: string;
      };
      return output.text.trim();
    });
  }
}
