/**
 * engram/tiny-whisper (tests/fixtures/models/README.md) loads through transformers.js's
 * automatic-speech-recognition pipeline as a Whisper export does, and decodes by its rule: the
 * espeak-ng sentences (tests/fixtures/audio) give the fixed sentence of the language asked for,
 * silence and faint noise give nothing. It recognises no words: that is what the rule stands for.
 */
import { fileURLToPath } from 'node:url';
import { env, pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWav16k, SAMPLE_RATE } from './wav';

const MODELS_DIR = fileURLToPath(new URL('../fixtures/models/', import.meta.url));
const AUDIO = (name: string) =>
  fileURLToPath(new URL(`../fixtures/audio/${name}`, import.meta.url));
const EN = 'Remember, the spare key is under the blue flowerpot.';
const ZH = '记住：备用钥匙在蓝色花盆下面。';

let asr: AutomaticSpeechRecognitionPipeline;

beforeAll(async () => {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = MODELS_DIR;
  asr = await pipeline('automatic-speech-recognition', 'engram/tiny-whisper', { dtype: 'fp32' });
}, 60_000);

const text = async (audio: Float32Array, language: string) => {
  // One input gives one output (the pipeline's type also covers batches).
  const output = (await asr(audio, { language, task: 'transcribe' })) as { text: string };
  return output.text.trim();
};

describe('engram/tiny-whisper', () => {
  it('writes the English sentence for the English recording', async () => {
    expect(await text(readWav16k(AUDIO('remember-spare-key.en.wav')), 'en')).toBe(EN);
  });

  it('writes the Chinese sentence when asked for Chinese', async () => {
    expect(await text(readWav16k(AUDIO('remember-spare-key.zh.wav')), 'zh')).toBe(ZH);
  });

  it('writes nothing for silence or faint noise', async () => {
    expect(await text(new Float32Array(SAMPLE_RATE * 2), 'en')).toBe('');
    let seed = 7;
    const faint = new Float32Array(SAMPLE_RATE * 2).map(() => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return (seed / 2 ** 31 - 0.5) * 0.002;
    });
    expect(await text(faint, 'en')).toBe('');
  });

  it('hears the sentence wherever it lies in the 30 s window', async () => {
    const speech = readWav16k(AUDIO('remember-spare-key.en.wav'));
    const late = new Float32Array(SAMPLE_RATE * 20);
    late.set(speech, SAMPLE_RATE * 15);
    expect(await text(late, 'en')).toBe(EN);
  });
});
