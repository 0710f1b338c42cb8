import { describe, expect, it } from 'vitest';
import { checkModelHost } from './model-host';

describe('checkModelHost', () => {
  it('accepts http(s) addresses, trimmed', () => {
    expect(checkModelHost('  https://huggingface.co/ ')).toEqual({
      ok: true,
      value: 'https://huggingface.co/',
    });
    expect(checkModelHost('http://127.0.0.1:8123/')).toEqual({
      ok: true,
      value: 'http://127.0.0.1:8123/',
    });
  });

  it('refuses empty input, other schemes and non-URLs with a sentence', () => {
    expect(checkModelHost('  ')).toEqual({
      ok: false,
      error: 'Enter the address of a model host.',
    });
    for (const bad of ['ftp://example.com/', 'javascript:alert(1)', 'huggingface']) {
      const check = checkModelHost(bad);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.error).toMatch(/http\(s\) address/);
    }
  });
});
