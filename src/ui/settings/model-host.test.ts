import { describe, expect, it } from 'vitest';
import { checkModelHost } from './model-host';

describe('checkModelHost', () => {
  it('accepts the hub, its mirror and loopback hosts, trimmed', () => {
    expect(checkModelHost('  https://huggingface.co/ ')).toEqual({
      ok: true,
      value: 'https://huggingface.co/',
    });
    for (const host of [
      'https://hf-mirror.com/',
      'http://127.0.0.1:8123/',
      'http://localhost:47831/models/',
      'http://127.0.0.1/',
    ]) {
      expect(checkModelHost(host), host).toEqual({ ok: true, value: host });
    }
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

  it('refuses a host the extension may not connect to, naming the ones it may, and why', () => {
    for (const bad of [
      'https://models.example.com/',
      'http://huggingface.co/', // the hub over plain http
      'https://huggingface.co:8443/', // another port
      'https://cdn-lfs.hf.co/', // a download host, followed on redirects, never chosen
      'https://huggingface.co.evil.com/',
      'https://evilhuggingface.co/',
      'https://user:secret@huggingface.co/',
      'http://127.0.0.2:8000/',
      'http://[::1]:8000/',
    ]) {
      const check = checkModelHost(bad);
      expect(check, bad).toMatchObject({ ok: false });
      if (!check.ok) {
        expect(check.error, bad).toContain('https://huggingface.co, https://hf-mirror.com');
        expect(check.error, bad).toMatch(/security policy/);
      }
    }
  });
});
