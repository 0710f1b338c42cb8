import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test } from 'vitest';
import { EngramDb } from './db';
import {
  DEFAULT_EMBEDDING_MODEL,
  DEFAULT_GENERATION_MODEL,
  downloadSize,
  embeddingModel,
  generationModel,
  MODELS,
  type ModelSpec,
} from './model-registry';
import { readSetting, writeSetting } from './settings';

describe('the model registry', () => {
  test('every model has a size for the dtype each device loads', () => {
    for (const spec of MODELS as readonly ModelSpec[]) {
      expect(downloadSize(spec, 'wasm'), spec.id).toBeGreaterThan(0);
      expect(downloadSize(spec, 'webgpu'), spec.id).toBeGreaterThan(0);
      expect(spec.licence, spec.id).not.toBe('');
    }
  });

  test('prompt conventions: e5 prefixes queries and passages, Qwen3 skips thinking', () => {
    const e5 = embeddingModel(DEFAULT_EMBEDDING_MODEL);
    expect([e5.queryPrefix, e5.passagePrefix]).toEqual(['query: ', 'passage: ']);
    expect(e5.dims).toBe(384);
    const qwen = generationModel(DEFAULT_GENERATION_MODEL);
    expect(qwen.userSuffix).toBe(' /no_think');
    expect(qwen.chatTemplate).toBe('chatml');
    expect(qwen.dtype).toEqual({ webgpu: 'q4f16', wasm: 'q4' });
  });

  test('a model asked for the wrong task is refused by name', () => {
    expect(() => embeddingModel(DEFAULT_GENERATION_MODEL)).toThrow(/not a registered embedding/);
    expect(() => generationModel('someone/unknown')).toThrow(/not a registered generation/);
  });
});

describe('model settings', () => {
  const db = new EngramDb(`settings-${crypto.randomUUID()}`);
  afterEach(async () => {
    await db.settings.clear();
  });

  test('default to the fixture models in the test build', async () => {
    expect(await readSetting(db, 'embeddingModel')).toBe('engram/glove-100d-static');
    expect(await readSetting(db, 'generationModel')).toBe('engram/tiny-gpt');
  });

  test('an unknown or mismatched model in storage falls back to the default', async () => {
    await db.settings.put({ key: 'embeddingModel', value: 'onnx-community/Qwen3-0.6B-ONNX' });
    expect(await readSetting(db, 'embeddingModel')).toBe('engram/glove-100d-static');
    await writeSetting(db, 'embeddingModel', 'Xenova/multilingual-e5-small');
    expect(await readSetting(db, 'embeddingModel')).toBe('Xenova/multilingual-e5-small');
  });
});
