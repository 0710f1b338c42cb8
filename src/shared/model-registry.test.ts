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
  pinnedFile,
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

  test('pins give a file its size and SHA-256 only at the pinned revision', () => {
    const revision = 'a'.repeat(40);
    const weights = { size: 123, sha256: 'b'.repeat(64) };
    const pinned: ModelSpec = {
      ...embeddingModel(DEFAULT_EMBEDDING_MODEL),
      pinned: { revision, files: { 'onnx/model_quantized.onnx': weights } },
    };
    const id = pinned.id;
    expect(pinnedFile(id, revision, 'onnx/model_quantized.onnx', [pinned])).toEqual(weights);
    expect(pinnedFile(id, 'main', 'onnx/model_quantized.onnx', [pinned])).toBeUndefined();
    expect(pinnedFile(id, revision, 'config.json', [pinned])).toBeUndefined();
    expect(pinnedFile('someone/else', revision, 'onnx/model_quantized.onnx', [pinned])).toBe(
      undefined,
    );
    // Every pin in the registry is a full commit with full SHA-256s.
    for (const spec of MODELS as readonly ModelSpec[]) {
      if (!spec.pinned) continue;
      expect(spec.pinned.revision, spec.id).toMatch(/^[0-9a-f]{40}$/);
      for (const f of Object.values(spec.pinned.files)) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
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
