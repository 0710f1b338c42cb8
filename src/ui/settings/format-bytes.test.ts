import { describe, expect, it } from 'vitest';
import { MODELS, downloadSize } from '../../shared/model-registry';
import { formatBytes } from './format-bytes';

const MB = 1024 * 1024;

describe('formatBytes', () => {
  it('shows the registry sizes as the registry writes them', () => {
    const sizes = MODELS.map((spec) => formatBytes(downloadSize(spec, 'wasm') ?? Number.NaN));
    expect(sizes).toEqual([
      '118 MB',
      '920 MB',
      '280 MB',
      '77 MB',
      '5 MB',
      '3 MB',
      '512 KB',
      '20 KB',
    ]);
  });

  it('steps through the units, with one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1.8 * MB)).toBe('1.8 MB');
    expect(formatBytes(1140 * MB)).toBe('1.1 GB');
    expect(formatBytes(12.4 * 1024 * MB)).toBe('12 GB');
  });

  it('never shows 1024 of a unit', () => {
    expect(formatBytes(1024 * 1024 - 100)).toBe('1 MB');
    expect(formatBytes(1024 * MB - 1)).toBe('1 GB');
  });

  it('shows a dash for what is not a size', () => {
    expect(formatBytes(-1)).toBe('–');
    expect(formatBytes(Number.NaN)).toBe('–');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatBytes in the interface’s locale', () => {
  it('writes the number as the locale does', () => {
    expect(formatBytes(1.8 * MB, 'zh-CN')).toBe('1.8 MB');
    expect(formatBytes(1.8 * MB, 'de')).toBe('1,8 MB');
    expect(formatBytes(118 * MB, 'zh-CN')).toBe('118 MB');
  });
});
