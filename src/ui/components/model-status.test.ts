import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../../shared/db';
import { indexingLine, loadPercent, modelStatusLine, runtimeLine } from './model-status';

const row = (over: Partial<ModelRow> & Pick<ModelRow, 'task' | 'state'>): ModelRow => ({
  id: `${over.task}-model`,
  loaded: 0,
  total: 0,
  updatedAt: 1,
  ...over,
});

describe('modelStatusLine', () => {
  it('says so when no model has been touched', () => {
    expect(modelStatusLine([])).toBe('Models not loaded yet');
  });

  it('shows both tasks, embedding first', () => {
    expect(
      modelStatusLine([
        row({ task: 'generate', state: 'loading', loaded: 40, total: 100 }),
        row({ task: 'embed', state: 'ready' }),
      ]),
    ).toBe('Embedding model ready · Language model loading 40%');
  });

  it('shows a failure with its reason', () => {
    expect(
      modelStatusLine([row({ task: 'generate', state: 'failed', error: 'out of memory' })]),
    ).toBe('Language model failed: out of memory');
  });

  it('handles loading with unknown size, idle and unavailable', () => {
    expect(modelStatusLine([row({ task: 'embed', state: 'loading' })])).toBe(
      'Embedding model loading…',
    );
    expect(modelStatusLine([row({ task: 'embed', state: 'idle' })])).toBe(
      'Embedding model not loaded (loads when needed)',
    );
    expect(modelStatusLine([row({ task: 'generate', state: 'unavailable' })])).toBe(
      'Language model unavailable',
    );
  });

  it('uses the most recently updated row of a task', () => {
    expect(
      modelStatusLine([
        row({ id: 'old', task: 'generate', state: 'failed', updatedAt: 1 }),
        row({ id: 'new', task: 'generate', state: 'ready', updatedAt: 2 }),
      ]),
    ).toBe('Language model ready');
  });
});

describe('loadPercent', () => {
  it('floors and caps the percentage', () => {
    expect(loadPercent(399, 1000)).toBe(39);
    expect(loadPercent(2000, 1000)).toBe(100);
  });

  it('is null without a known total', () => {
    expect(loadPercent(10, 0)).toBeNull();
    expect(loadPercent(Number.NaN, 10)).toBeNull();
  });
});

describe('indexingLine', () => {
  it('counts the job under way, and says why older pages wait', () => {
    expect(indexingLine(undefined)).toBe('');
    expect(indexingLine({ done: 0, total: 0, waiting: false })).toBe('');
    expect(indexingLine({ done: 2, total: 12, waiting: false })).toBe('Indexing 3 of 12');
    expect(indexingLine({ done: 2, total: 12, waiting: true })).toBe(
      'Indexing 3 of 12 · older pages wait while you browse',
    );
    expect(indexingLine({ done: 12, total: 12, waiting: false })).toBe('');
  });
});

describe('runtimeLine', () => {
  it('says where the models run', () => {
    const base = { threads: 1, crossOriginIsolated: true } as const;
    expect(runtimeLine({ ...base, device: 'wasm', webgpu: 'absent' })).toBe(
      'WASM, 1 thread (no WebGPU on this device)',
    );
    expect(runtimeLine({ ...base, threads: 3, device: 'wasm', webgpu: 'rejected' })).toBe(
      'WASM, 3 threads (WebGPU gave wrong results, not used)',
    );
    expect(runtimeLine({ ...base, device: 'webgpu', webgpu: 'verified' })).toBe(
      'WebGPU (verified against WASM)',
    );
  });
});
