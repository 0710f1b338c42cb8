/**
 * The service worker's bundle enters src/shared through the protocol (dispatch, messaging), the
 * pages through the settings: either order must evaluate. An import cycle among protocol.ts,
 * pause.ts and settings.ts once made the worker's bundle read the site-rule schema before it was
 * defined, and every capture failed. Each test file has its own module graph: this one enters
 * through the protocol, as the worker does.
 */
import { expect, test } from 'vitest';

test('entered through the protocol, the settings and the pause still evaluate', async () => {
  const protocol = await import('./protocol');
  const { settingsSchema } = await import('./settings');
  const { pauseFor } = await import('./pause');
  const rules = [{ pattern: 'example.com', policy: 'never' as const }];
  expect(protocol.siteRule.parse(rules[0])).toEqual(rules[0]);
  // Parsed, not defaulted: a schema built from an undefined part fails only when it parses.
  expect(settingsSchema.siteRules.parse(rules)).toEqual(rules);
  expect(settingsSchema.pause.parse(pauseFor('resume-manually', 1))).toEqual({
    since: 1,
    until: null,
  });
});
