/**
 * The default blocklist keeps local addresses out of memory, and fixture pages are served from
 * 127.0.0.1 and localhost. Tests that capture them allow them first, as a user would in settings
 * (written directly: quicker than the settings page's editor, which has its own test).
 */
import { putSetting, type Engram } from './harness';

export type TestSiteRule = { pattern: string; policy: 'never' | 'url-only' | 'full' };

export const setSiteRules = (engram: Engram, rules: TestSiteRule[]): Promise<void> =>
  putSetting(engram, 'siteRules', rules);

/** Fixture pages are served from 127.0.0.1 and localhost, which the default blocklist covers. */
export const ALLOW_LOCAL: TestSiteRule[] = [
  { pattern: '127.0.0.1', policy: 'full' },
  { pattern: 'localhost', policy: 'full' },
];
