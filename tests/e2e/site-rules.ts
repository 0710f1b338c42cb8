/**
 * The default blocklist keeps local addresses out of memory, and fixture pages are served from
 * 127.0.0.1 and localhost. Tests that capture them allow them first, as a user would in settings
 * (the settings page has no site-rules editor yet, so the row is written directly).
 */
import { putSetting, type Engram } from './harness';

export type TestSiteRule = { pattern: string; policy: 'never' | 'url-only' | 'full' };

export const setSiteRules = (engram: Engram, rules: TestSiteRule[]): Promise<void> =>
  putSetting(engram, 'siteRules', rules);
