/**
 * Why Engram refused to capture, and the words it says it with (issue 9): one type and one
 * wording for the shortcut, the menus, the popup, PDFs, automatic capture and the page watcher.
 * The service worker decides (background/capture-policy.ts) and sends these words to the page's
 * notice and the badge; the popup shows them as the capture's error. The content script may not
 * import this (lint zone): its own gate words stay in content/gate.ts. The words are the locale
 * files' `refusal…` messages, in the browser's language (the pause's come from ./pause.ts).
 */
import { DEFAULT_BLOCKLIST_GROUPS } from '../core/privacy/default-blocklist';
import type { SiteRule } from '../core/privacy/site-policy';
import { t, type MessageKey } from './i18n';
import { pausedText } from './pause';

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
  /** A selection made in an editable field (a menu click): what is typed is never kept. */
  | { kind: 'editable-field' }
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

/** The default blocklist's groups, as a refusal names them inside its sentence. */
const GROUP_WORDS: Readonly<Partial<Record<string, MessageKey>>> = {
  'Banks and payments': 'refusalGroupBanks',
  Webmail: 'refusalGroupWebmail',
  'Password managers': 'refusalGroupPasswords',
  'Health portals': 'refusalGroupHealth',
  'This computer and private networks': 'refusalGroupLocal',
};

/** The default blocklist's group of a pattern ("banks and payments"), for the refusal's words. */
function blocklistGroup(pattern: string): string | undefined {
  for (const [group, patterns] of Object.entries(DEFAULT_BLOCKLIST_GROUPS)) {
    if (!patterns.includes(pattern)) continue;
    const key = GROUP_WORDS[group];
    return key ? t(key) : undefined;
  }
  return undefined;
}

/** One sentence per rule and its source: the user's own rule, or the default blocklist's. */
const RULE_WORDS = {
  'site-never': {
    user: 'refusalSiteNeverUser',
    group: 'refusalSiteNeverDefault',
    other: 'refusalSiteNeverDefaultOther',
  },
  'site-address-only': {
    user: 'refusalSiteAddressOnlyUser',
    group: 'refusalSiteAddressOnlyDefault',
    other: 'refusalSiteAddressOnlyDefaultOther',
  },
} satisfies Record<string, Record<string, MessageKey>>;

/** "…: your site rule for “a.example” says never", "…: “paypal.com” is on the default blocklist". */
function siteWords(kind: keyof typeof RULE_WORDS, { by, pattern }: SiteRuleRef): string {
  const words = RULE_WORDS[kind];
  const quoted = clip(pattern, 80);
  if (by === 'user') return t(words.user, quoted);
  const group = blocklistGroup(pattern);
  return group ? t(words.group, quoted, group) : t(words.other, quoted);
}

const SETTING_WORDS = {
  pause: 'refusalSettingPause',
  siteRules: 'refusalSettingSiteRules',
} satisfies Record<string, MessageKey>;

function words(refusal: CaptureRefusal, now: number): string {
  switch (refusal.kind) {
    case 'no-tab':
      return t('refusalNoTab');
    case 'incognito':
      return t('refusalIncognito');
    case 'editable-field':
      return t('refusalEditableField');
    case 'not-top-frame':
      return t('refusalNotTopFrame');
    case 'unsupported-page':
      if (refusal.page === 'not-web') return t('refusalNotWeb');
      return refusal.detail
        ? t('refusalBrowserPageDetail', refusal.detail)
        : t('refusalBrowserPage');
    case 'settings-unreadable':
      return t('refusalSettingsUnreadable', t(SETTING_WORDS[refusal.setting]));
    case 'paused':
      return pausedText(
        {
          paused: true,
          until: refusal.until,
          reason: refusal.unreadable ? 'unreadable' : 'user',
        },
        now,
      );
    case 'no-host-access':
      return t('refusalNoHostAccess');
    case 'site-never':
    case 'site-address-only':
      return siteWords(refusal.kind, refusal.rule);
    case 'auto-capture-off':
      return t('refusalAutoCaptureOff');
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
