/**
 * Why Engram refused to capture, and the words it says it with (issue 9): one type and one
 * wording for the shortcut, the menus, the popup, PDFs, automatic capture and the page watcher.
 * The service worker decides (background/capture-policy.ts) and sends these words to the page's
 * notice and the badge; the popup shows them as the capture's error. The content script may not
 * import this (lint zone): its own gate words stay in content/gate.ts.
 */
import { DEFAULT_BLOCKLIST_GROUPS } from '../core/privacy/default-blocklist';
import type { SiteRule } from '../core/privacy/site-policy';
import { describePause } from './pause';

/** Which rule kept a site out: the user's own, or an entry of the default blocklist. */
export interface SiteRuleRef {
  by: 'user' | 'default';
  pattern: SiteRule['pattern'];
}

export type CaptureRefusal =
  /** No tab to read (a menu click or shortcut without one). */
  | { kind: 'no-tab' }
  /** An incognito tab: nothing is ever kept from private windows. */
  | { kind: 'incognito' }
  /** A frame asked (the page watcher): only top-level pages are watched. */
  | { kind: 'not-top-frame' }
  /**
   * A page Engram cannot or will not read: not http(s) (`not-web`), or one the browser keeps
   * extensions out of, such as the web store (`browser`); `detail` is the browser's own words.
   */
  | { kind: 'unsupported-page'; page: 'not-web' | 'browser'; detail?: string }
  /** A setting the decision needs could not be read: capture fails closed. */
  | { kind: 'settings-unreadable'; setting: 'pause' | 'siteRules' }
  /** Saving is paused; `until` null: until resumed. `unreadable`: the pause row did not parse. */
  | { kind: 'paused'; until: number | null; unreadable: boolean }
  /** Automatic capture and the watcher need host access to the site, which was not granted. */
  | { kind: 'no-host-access' }
  /** The site rules say never. */
  | { kind: 'site-never'; rule: SiteRuleRef }
  /** The site rules keep the address only: nothing to watch or capture automatically there. */
  | { kind: 'site-address-only'; rule: SiteRuleRef }
  /** Automatic capture is turned off. */
  | { kind: 'auto-capture-off' };

export type CaptureRefusalKind = CaptureRefusal['kind'];

/** The page notice takes at most 300 characters (protocol.ts `noticeRequest`). */
export const MAX_REFUSAL_TEXT = 300;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** The default blocklist's group of a pattern ("Banks and payments"), for the refusal's words. */
function blocklistGroup(pattern: string): string | undefined {
  for (const [group, patterns] of Object.entries(DEFAULT_BLOCKLIST_GROUPS)) {
    if (patterns.includes(pattern)) return group;
  }
  return undefined;
}

/** "your site rule for “a.example” says never", "“paypal.com” is on the default blocklist (…)". */
function whichRule({ by, pattern }: SiteRuleRef, says: string): string {
  const quoted = `“${clip(pattern, 80)}”`;
  if (by === 'user') return `your site rule for ${quoted} says ${says}`;
  const group = blocklistGroup(pattern);
  return `${quoted} is on the default blocklist${group ? ` (${group.toLowerCase()})` : ''}`;
}

function words(refusal: CaptureRefusal, now: number): string {
  switch (refusal.kind) {
    case 'no-tab':
      return 'There is no tab to save.';
    case 'incognito':
      return 'Engram never saves private windows.';
    case 'not-top-frame':
      return 'Engram reads top-level pages only, not frames.';
    case 'unsupported-page':
      if (refusal.page === 'not-web') return 'Engram can only save web pages (http or https).';
      return (
        'Engram cannot read this page (browser pages and the web store are off limits).' +
        (refusal.detail ? ` ${refusal.detail}` : '')
      );
    case 'settings-unreadable':
      return `Engram could not read its "${refusal.setting}" setting, so it saves nothing until it is fixed in Settings.`;
    case 'paused': {
      const status = {
        paused: true as const,
        until: refusal.until,
        reason: refusal.unreadable ? ('unreadable' as const) : ('user' as const),
      };
      // "Paused until 14:05" → "Saving is paused until 14:05".
      const state = describePause(status, now).replace(/^Paused/, 'Saving is paused');
      return `${state}. Engram read nothing from this page. Resume in the Engram popup.`;
    }
    case 'no-host-access':
      return 'Engram has no access to this site: automatic capture reads only the sites you granted.';
    case 'site-never':
      return `Engram never keeps pages from this site: ${whichRule(refusal.rule, 'never')}. Change it in Settings.`;
    case 'site-address-only':
      return `Engram keeps only the address of pages on this site: ${whichRule(refusal.rule, 'address only')}.`;
    case 'auto-capture-off':
      return 'Automatic capture is off.';
  }
}

/** What the user is told, at most `MAX_REFUSAL_TEXT` characters; `now` words a timed pause. */
export function refusalText(refusal: CaptureRefusal, now = Date.now()): string {
  return clip(words(refusal, now), MAX_REFUSAL_TEXT);
}

/** A capture the policy refused: nothing was read from the page. */
export class CaptureRefusedError extends Error {
  override name = 'CaptureRefusedError';
  constructor(
    readonly refusal: CaptureRefusal,
    now = Date.now(),
  ) {
    super(refusalText(refusal, now));
  }
}
