/**
 * The capture policy (issue 9): whether Engram may read a page, asked by every capture path
 * before anything is injected or read: the shortcut, the menus and the popup (`manual`, with the
 * glimpse the shortcut brings back and PDFs: ./capture-tab.ts, ./capture-pdf.ts), the page
 * watcher's `watch/config` (`watch`) and automatic capture's `capture/auto` (`auto`).
 *
 * The checks, in this order (the first that fails is the refusal):
 * 1. a tab, not incognito, not a selection in an editable field (menus), and (watch, auto) its
 *    top frame;
 * 2. a web page: http(s), not the web store; for a manual capture pointed into a frame (a
 *    selection, link or image there: menus), the frame's own address too;
 * 3. the settings it needs can be read: the pause, the site rules (`readSettingStrict`: a
 *    malformed row refuses instead of falling back to no rules) — fail closed;
 * 4. not paused (`capturePaused`: an unparseable pause counts as paused);
 * 5. (watch, auto) host access to the page's origin;
 * 6. the site rules and the default blocklist, for the page and (manual) the frame pointed into:
 *    `never` refuses; `url-only` refuses watching and automatic capture, and lets a manual capture
 *    keep the address only;
 * 7. (auto) automatic capture is on.
 * The reads run together; nothing is read at all for a tab refused by 1 or 2.
 */
import type { Runtime } from 'webextension-polyfill';
import { matchSite, type SitePolicy, type SiteRule } from '../core/privacy/site-policy';
import type { CaptureRefusal } from '../shared/capture-refusal';
import { db } from '../shared/db';
import { capturePaused, type PauseStatus } from '../shared/pause';
import { readSetting, readSettingStrict } from '../shared/settings';

/** `manual`: the user pointed at the page; `watch`: a page asks to be watched; `auto`: a read page. */
export type CapturePath = 'manual' | 'watch' | 'auto';

/** What the browser says about the page: a tab (and for messages from a page, its frame and URL). */
export interface CaptureSubject {
  tab?: { id?: number; url?: string; incognito?: boolean } | undefined;
  /** The address of the frame that asks (a message's sender); the tab's when absent. */
  url?: string | undefined;
  /** The frame that asks (watch, auto), or that the user pointed into (manual: menus). */
  frameId?: number | undefined;
  /** Manual, `frameId` not 0: that frame's own address, as the browser reports the click. */
  frameUrl?: string | undefined;
  /** Manual: the selection was made in an editable field (a menu click's `editable`). */
  editable?: boolean | undefined;
}

export type CaptureDecision =
  | {
      allowed: true;
      /** The user's site rules as read for this decision (the page's gate gets the same). */
      siteRules: SiteRule[];
      /** `url-only` (manual captures only): keep the address, not a word of the page. */
      keep: Exclude<SitePolicy, 'never'>;
    }
  | { allowed: false; refusal: CaptureRefusal };

const WEB_PAGE = /^https?:\/\//i;
/** Chrome lets no extension script the web store (Chrome's "extensions gallery"). */
const WEB_STORE =
  /^https:\/\/(?:chromewebstore\.google\.com|chrome\.google\.com\/webstore)(?:[/?#]|$)/i;

const refuse = (refusal: CaptureRefusal): CaptureDecision => ({ allowed: false, refusal });

/** The refusal for a page Engram cannot read at all, or null for a web page. */
export function pageRefusal(url: string): CaptureRefusal | null {
  if (!WEB_PAGE.test(url)) return { kind: 'unsupported-page', page: 'not-web' };
  if (WEB_STORE.test(url)) return { kind: 'unsupported-page', page: 'browser' };
  return null;
}

/**
 * What the site rules (and the default blocklist) allow for `url` on `path`: a refusal, or what
 * to keep. Also for an address learned after the first decision (a PDF's, a capture's payload).
 */
export function siteVerdict(
  path: CapturePath,
  url: string,
  siteRules: readonly SiteRule[],
): CaptureRefusal | { keep: Exclude<SitePolicy, 'never'> } {
  const match = matchSite(url, siteRules);
  if (match.policy === 'full') return { keep: 'full' };
  // No rule behind `never`: not an http(s) URL at all.
  if (!match.rule) return { kind: 'unsupported-page', page: 'not-web' };
  const rule = { by: match.source ?? 'user', pattern: match.rule.pattern };
  if (match.policy === 'never') return { kind: 'site-never', rule };
  return path === 'manual' ? { keep: 'url-only' } : { kind: 'site-address-only', rule };
}

/** The match pattern of a page's origin, for `permissions.contains` (patterns have no port). */
export function originPattern(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return /^https?:$/.test(protocol) ? `${protocol}//${hostname}/*` : null;
  } catch {
    return null;
  }
}

async function hasHostAccess(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  return pattern !== null && chrome.permissions.contains({ origins: [pattern] });
}

/** A read that failed, kept as such: the decision fails closed on it, in its turn. */
type Read<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(promise: Promise<T>): Promise<Read<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

function unreadable(setting: 'pause' | 'siteRules', error: unknown): CaptureDecision {
  console.warn(`Engram: capture refused, the ${setting} setting could not be read:`, error);
  return refuse({ kind: 'settings-unreadable', setting });
}

/** Whether a capture on `path` may read the page `subject` names; why not, if not. */
export async function decideCapture(
  path: CapturePath,
  subject: CaptureSubject,
  now = Date.now(),
): Promise<CaptureDecision> {
  const { tab } = subject;
  if (!tab || (path === 'manual' && tab.id === undefined)) return refuse({ kind: 'no-tab' });
  if (tab.incognito) return refuse({ kind: 'incognito' });
  // What is typed into a field is never kept, not even by pointing at it (issue 11).
  if (subject.editable) return refuse({ kind: 'editable-field' });
  if (path !== 'manual' && subject.frameId !== 0) return refuse({ kind: 'not-top-frame' });
  // A manual capture whose tab hides its URL is checked again in the page, by its gate.
  const url = subject.url ?? tab.url ?? (path === 'manual' ? undefined : '');
  // A selection made inside a frame is the frame's: its own address must pass as well.
  const frameUrl = path === 'manual' && subject.frameId ? (subject.frameUrl ?? '') : undefined;
  const notWeb =
    (url === undefined ? null : pageRefusal(url)) ??
    (frameUrl === undefined ? null : pageRefusal(frameUrl));
  if (notWeb) return refuse(notWeb);

  const store = db();
  const watching = path !== 'manual';
  const [pause, rules, access, auto] = await Promise.all([
    settle<PauseStatus>(capturePaused(store, now)),
    settle(readSettingStrict(store, 'siteRules')),
    watching ? settle(hasHostAccess(url ?? '')) : undefined,
    path === 'auto' ? settle(readSetting(store, 'autoCapture')) : undefined,
  ]);
  if (!pause.ok) return unreadable('pause', pause.error);
  if (!rules.ok) return unreadable('siteRules', rules.error);
  if (pause.value.paused) {
    const { until, reason } = pause.value;
    return refuse({ kind: 'paused', until, unreadable: reason === 'unreadable' });
  }
  // A permissions API that fails answers no.
  if (access && !(access.ok && access.value)) return refuse({ kind: 'no-host-access' });
  const siteRules = rules.value;
  const verdict = url === undefined ? { keep: 'full' as const } : siteVerdict(path, url, siteRules);
  if ('kind' in verdict) return refuse(verdict);
  const inFrame = frameUrl === undefined ? verdict : siteVerdict(path, frameUrl, siteRules);
  if ('kind' in inFrame) return refuse(inFrame);
  // A setting that cannot be read counts as off.
  if (auto && !(auto.ok && auto.value)) return refuse({ kind: 'auto-capture-off' });
  const keep = verdict.keep === 'full' && inFrame.keep === 'full' ? 'full' : 'url-only';
  return { allowed: true, siteRules, keep };
}

/** The subject of a message sent by a page's content script. */
export const senderSubject = (sender: Runtime.MessageSender): CaptureSubject => ({
  tab: sender.tab,
  url: sender.url ?? sender.tab?.url,
  frameId: sender.frameId,
});
