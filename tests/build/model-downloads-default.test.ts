/**
 * Each build's default for the modelDownloads setting (issue 10): the shipped build asks before
 * downloading; the test builds start allowed (packaged: nothing to download; hosted: it exists to
 * test downloads). The unit tests run as the packaged build.
 */
import { describe, expect, test } from 'vitest';
import { settingsSchema } from '../../src/shared/settings';
import { modelDownloadsFor } from '../../vite.config';

describe('the modelDownloads default', () => {
  test('per build flavour', () => {
    expect(modelDownloadsFor('shipped')).toBe('ask');
    expect(modelDownloadsFor('packaged')).toBe('allowed');
    expect(modelDownloadsFor('hosted')).toBe('allowed');
  });

  test('is the schema default, and a stored choice parses', () => {
    expect(settingsSchema.modelDownloads.parse(undefined)).toBe(modelDownloadsFor('packaged'));
    expect(settingsSchema.modelDownloads.parse('ask')).toBe('ask');
    expect(settingsSchema.modelDownloads.safeParse('yes').success).toBe(false);
  });
});
