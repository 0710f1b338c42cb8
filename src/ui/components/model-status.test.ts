import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zhCN from '../../../public/_locales/zh_CN/messages.json';
import type { ModelFailure, ModelRow } from '../../shared/db';
import { setMessageSource, tableSource } from '../../shared/i18n';
import {
  indexingLine,
  loadPercent,
  modelFailureText,
  modelStatusLine,
  runtimeLine,
} from './model-status';

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
    expect(indexingLine({ done: 2, total: 12, waiting: false, perMinute: 40 })).toBe(
      'Indexing 3 of 12 · about 40 a minute',
    );
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

const STILL_WORKS = ' Keyword search and answers from your saved pages still work.';
const STILL_WORKS_ZH = '关键词搜索和基于已保存网页的回答仍可使用。';

describe('modelFailureText: a failure worded from its code, in the browser language', () => {
  afterEach(() => setMessageSource(tableSource(en)));

  const failure = (errorCode: ModelFailure) => ({
    errorCode,
    errorDetail: 'out of memory',
    error: 'English words an engine wrote',
  });

  const english: Record<ModelFailure, string> = {
    unreachable: 'Could not download the model: the model host is unreachable (offline?).',
    'not-found': 'The model host does not have this model.',
    'disk-full': 'Not enough disk space to keep the model.',
    corrupt: 'The downloaded model was damaged twice in a row; it will be fetched again later.',
    http: 'The model host refused the download; it will be tried again later.',
    'not-allowed': 'The model is not downloaded yet: it downloads once you choose Download.',
    other: 'out of memory.',
  };

  const chinese: Record<ModelFailure, string> = {
    unreachable: '连不上模型服务器（是否已断网？），无法下载模型。',
    'not-found': '模型服务器上没有这个模型。',
    'disk-full': '磁盘空间不足，无法保存模型。',
    corrupt: '下载的模型连续两次损坏，稍后会重新下载。',
    http: '模型服务器拒绝了下载，稍后会再试。',
    'not-allowed': '模型尚未下载：选择“下载”后才会下载。',
    other: 'out of memory。',
  };

  it('in English, each code with what still works', () => {
    for (const [code, cause] of Object.entries(english)) {
      expect(modelFailureText(failure(code as ModelFailure))).toBe(cause + STILL_WORKS);
    }
  });

  it('in Chinese, each code with what still works', () => {
    setMessageSource(tableSource(zhCN));
    for (const [code, cause] of Object.entries(chinese)) {
      expect(modelFailureText(failure(code as ModelFailure))).toBe(cause + STILL_WORKS_ZH);
    }
  });

  it('shows the words of a row written before codes, as they are', () => {
    setMessageSource(tableSource(zhCN));
    expect(modelFailureText({ error: 'out of memory' })).toBe('out of memory');
    expect(modelFailureText({})).toBeUndefined();
  });

  it('words the header line in Chinese', () => {
    setMessageSource(tableSource(zhCN));
    expect(modelStatusLine([])).toBe('模型尚未加载');
    expect(
      modelStatusLine([
        row({ task: 'generate', state: 'loading', loaded: 40, total: 100 }),
        row({ task: 'embed', state: 'failed', errorCode: 'disk-full' }),
      ]),
    ).toBe(`嵌入模型加载失败：磁盘空间不足，无法保存模型。${STILL_WORKS_ZH} · 语言模型加载中 40%`);
    expect(indexingLine({ done: 2, total: 12, waiting: false })).toBe('正在索引第 3 项，共 12 项');
    expect(
      runtimeLine({ threads: 4, crossOriginIsolated: true, device: 'wasm', webgpu: 'absent' }),
    ).toBe('WASM，4 个线程（此设备不支持 WebGPU）');
  });
});
