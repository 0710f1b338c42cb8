/**
 * The extension pages' CSP is written from one list (src/shared/model-hosts.ts): the top-level
 * manifest.json says the same, the build writes it, and it refuses what issue 11 rules out.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extensionPagesCsp, isAllowedModelHost, MODEL_HOSTS } from '../../src/shared/model-hosts';
import { settingsSchema } from '../../src/shared/settings';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as {
  content_security_policy: { extension_pages: string };
};

/** The policy as directive → sources. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );

describe('the extension pages CSP', () => {
  test('manifest.json holds the policy model-hosts.ts writes', () => {
    expect(manifest.content_security_policy.extension_pages).toBe(extensionPagesCsp());
  });

  test('everything from the package; images local; no inline or remote script', () => {
    const csp = directives(extensionPagesCsp());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('style-src')).toBeUndefined(); // default-src: no 'unsafe-inline'
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    const connect = csp.get('connect-src') ?? [];
    expect(connect[0]).toBe("'self'");
    // No scheme-wide or all-host source: only named hosts.
    for (const source of connect) expect(source, source).not.toMatch(/^(\*|https?:?|data:|blob:)$/);
  });

  test('each model host the settings accept is one the policy lets the engine reach', () => {
    const connect = directives(extensionPagesCsp()).get('connect-src') ?? [];
    for (const host of MODEL_HOSTS) expect(connect).toContain(host);
    expect(isAllowedModelHost(__ENGRAM_DEFAULT_MODEL_HOST__)).toBe(true);
    expect(settingsSchema.modelHost.safeParse('https://models.example.com/').success).toBe(false);
  });
});
