import { describe, expect, test } from 'vitest';
import { describeLoadError } from './load-error';
import { diskFull, httpFailure, unreachable } from '../downloads/model-download-error';

describe('describeLoadError', () => {
  test('names the cause of a model store failure and says what still works', () => {
    const url = 'https://hub.example/a/b/resolve/main/onnx/model.onnx';
    expect(describeLoadError(unreachable(url))).toMatch(/unreachable.*still work/);
    expect(describeLoadError(httpFailure(url, 404))).toMatch(/does not have this model/);
    expect(describeLoadError(diskFull(url))).toMatch(/disk space/);
  });

  test('reads the words of errors from elsewhere', () => {
    expect(describeLoadError(new TypeError('Failed to fetch'))).toMatch(/unreachable/);
    expect(describeLoadError(new Error('Could not locate file (404)'))).toMatch(/does not have/);
    expect(describeLoadError(new Error('QuotaExceededError'))).toMatch(/disk space/);
    expect(describeLoadError('boom')).toBe(
      'boom. Keyword search and answers from your saved pages still work.',
    );
  });
});
