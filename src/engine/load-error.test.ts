import { describe, expect, test } from 'vitest';
import { describeLoadError } from './load-error';

describe('describeLoadError', () => {
  test('names the cause and says what still works', () => {
    expect(describeLoadError(new TypeError('Failed to fetch'))).toMatch(/unreachable.*still work/);
    expect(describeLoadError(new Error('Could not locate file (404)'))).toMatch(/does not have/);
    expect(describeLoadError(new Error('QuotaExceededError'))).toMatch(/disk space/);
    expect(describeLoadError('boom')).toBe(
      'boom. Keyword search and answers from your saved pages still work.',
    );
  });
});
