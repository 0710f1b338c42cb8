import { describe, expect, test } from 'vitest';
import { describeLoadError, describeLoadFailure, loadFailureOf } from './load-error';
import { diskFull, httpFailure, notAllowed, unreachable } from '../downloads/model-download-error';

const url = 'https://hub.example/a/b/resolve/main/onnx/model.onnx';

describe('loadFailureOf', () => {
  test("keeps a model store failure's kind and its technical message", () => {
    expect(loadFailureOf(unreachable(url))).toEqual({
      code: 'unreachable',
      detail: expect.stringContaining(url) as string,
    });
    expect(loadFailureOf(httpFailure(url, 404)).code).toBe('not-found');
    expect(loadFailureOf(httpFailure(url, 503)).code).toBe('http');
    expect(loadFailureOf(diskFull(url)).code).toBe('disk-full');
    expect(loadFailureOf(notAllowed(url)).code).toBe('not-allowed');
  });

  test('reads the words of errors from elsewhere', () => {
    expect(loadFailureOf(new TypeError('Failed to fetch')).code).toBe('unreachable');
    expect(loadFailureOf(new Error('Could not locate file (404)')).code).toBe('not-found');
    expect(loadFailureOf(new Error('QuotaExceededError')).code).toBe('disk-full');
    expect(loadFailureOf('boom')).toEqual({ code: 'other', detail: 'boom' });
  });
});

describe('describeLoadFailure', () => {
  test('names the cause and says what still works, in English by default', () => {
    expect(describeLoadError(unreachable(url))).toMatch(/unreachable.*still work/);
    expect(describeLoadError(httpFailure(url, 404))).toMatch(/does not have this model/);
    expect(describeLoadError(diskFull(url))).toMatch(/disk space/);
    expect(describeLoadError('boom')).toBe(
      'boom. Keyword search and answers from your saved pages still work.',
    );
  });

  test('words it in Chinese when asked', () => {
    expect(describeLoadFailure({ code: 'disk-full', detail: url }, 'zh')).toBe(
      '磁盘空间不足，无法保存模型。关键词搜索和基于已保存网页的回答仍可使用。',
    );
    expect(describeLoadFailure({ code: 'other', detail: 'out of memory' }, 'zh')).toBe(
      'out of memory。关键词搜索和基于已保存网页的回答仍可使用。',
    );
  });
});
