import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import { setMessageSource, tableSource } from '../../shared/i18n';
import { modelSpec, type ModelSpec } from '../../shared/model-registry';
import { deviceOf, durationWords, expectedSpeed, speedLine } from './model-speed';

const spec = (id: string) => modelSpec(id) as ModelSpec;
const QWEN = spec('onnx-community/Qwen3-0.6B-ONNX');
const GEMMA = spec('onnx-community/gemma-3-270m-it-ONNX');
const E5 = spec('Xenova/multilingual-e5-small');
const LAPTOP = { device: 'wasm' as const, threads: 3 };

afterEach(() => setMessageSource(tableSource(en)));

describe('deviceOf', () => {
  it('is what the engine reported, else WASM with cores − 1 threads, at most 4', () => {
    const runtime = { device: 'webgpu', threads: 3, crossOriginIsolated: true, webgpu: 'verified' };
    expect(deviceOf(runtime as never, 8)).toEqual({ device: 'webgpu', threads: 3 });
    expect(deviceOf(undefined, 4)).toEqual(LAPTOP);
    expect(deviceOf(undefined, 16)).toEqual({ device: 'wasm', threads: 4 });
    expect(deviceOf(undefined, undefined)).toEqual({ device: 'wasm', threads: 1 });
  });
});

describe('expectedSpeed', () => {
  it('makes Qwen3 on a 4-core laptop without a GPU wait tens of seconds, as docs/MODELS.md says', () => {
    const speed = expectedSpeed(QWEN, LAPTOP)!;
    expect(speed.basis).toBe('measured');
    expect(speed.firstWordsMs).toBeGreaterThan(15_000);
    expect(speed.firstWordsMs).toBeLessThan(30_000);
    // Two sentences: over a minute and a half.
    expect(speed.twoSentencesMs).toBeGreaterThan(90_000);
  });

  it('makes Gemma 3 270M faster, estimated; WebGPU is estimated for every model', () => {
    const gemma = expectedSpeed(GEMMA, LAPTOP)!;
    expect(gemma.basis).toBe('estimated');
    expect(gemma.firstWordsMs).toBeLessThan(expectedSpeed(QWEN, LAPTOP)!.firstWordsMs);
    const gpu = expectedSpeed(QWEN, { device: 'webgpu', threads: 1 })!;
    expect(gpu.basis).toBe('estimated');
    expect(gpu.firstWordsMs).toBeLessThanOrEqual(4_000);
  });

  it('says nothing for a model that does not write answers', () => {
    expect(expectedSpeed(E5, LAPTOP)).toBeUndefined();
    expect(speedLine(E5, LAPTOP)).toBeUndefined();
  });
});

describe('speed words', () => {
  it('round a wait up: seconds, by fives from ten, then minutes', () => {
    expect(durationWords(300)).toBe('1 s');
    expect(durationWords(8_200)).toBe('9 s');
    expect(durationWords(21_000)).toBe('25 s');
    expect(durationWords(95_000)).toBe('2 min');
  });

  it('say the first words and two sentences, and how the figures were had, in English and Chinese', () => {
    expect(speedLine(QWEN, LAPTOP)).toMatch(
      /^First words after about \d+ s, two sentences after about \d+ min \(measured on a stand-in of this model\)$/,
    );
    expect(speedLine(GEMMA, LAPTOP)).toMatch(/\(estimated, not measured\)$/);
    setMessageSource(tableSource(zhCN));
    expect(speedLine(QWEN, LAPTOP)).toMatch(
      /^约 \d+ 秒后出现第一句，约 \d+ 分钟后写完两句（在这个模型的替身上实测）$/,
    );
  });
});
