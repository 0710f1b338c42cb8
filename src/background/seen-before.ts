/**
 * "You have seen this before" (issue 14): when a tab finishes loading a page the user kept, or one
 * whose title names a person, organisation, place or event they read about, the toolbar button of
 * that tab shows a quiet dot and says so in its title ("Engram — You saved this page 3 weeks
 * ago"); the side panel asks `seen/tab` for the same note with links (ui/components/seen-note.tsx).
 *
 * It works from the tab's address and title, which the `tabs` permission gives for every page, so
 * it needs no host access and reads nothing from the page. Never when the setting is off, on a
 * page the capture policy refuses (blocked sites, the default blocklist, incognito, not a web
 * page), or while paused: the same decision as a capture (./capture-policy.ts), so the rules are
 * one. The badge lights within the rate limit (core/seen/seen-rate.ts), whose log is kept in
 * session storage (it outlives a stopped worker) with page keys that are hashes, not addresses.
 *
 * Badge priority: a pause (./pause-badge.ts) clears the dots; a capture's flash (./badge.ts)
 * replaces the dot and then gives the tab the global badge back; the dot never covers another
 * badge of the tab, and goes when the tab moves to another address.
 */
import { canonicalUrl } from '../core/capture/url';
import { seenLead, seenNotice, type SeenNotice } from '../core/seen/seen-notice';
import { mayShow, recordShown, type ShownEntry } from '../core/seen/seen-rate';
import { db } from '../shared/db';
import { t } from '../shared/i18n';
import { readSetting } from '../shared/settings';
import { entityHits, keptAtAddress } from '../shared/store/seen-before';
import { timeAgo, uiTextLanguage } from '../shared/time-ago';
import { showGlobalBadge } from './badge';
import { decideCapture } from './capture-policy';
import { knownEntityMatcher } from './seen-matcher';

/** A middle dot: quiet, and drawn by every system font (unlike most symbols: ./pause-badge.ts). */
export const SEEN_BADGE = '•';
export const SEEN_COLOR = '#0969da';
const LOG_KEY = 'seenShown';
const TABS_KEY = 'seenTabs';
/** Known entities looked for in one title: a title is short; more is a list of names. */
const TITLE_MATCHES = 20;

interface TabLike {
  id?: number;
  url?: string;
  title?: string;
  incognito?: boolean;
}

async function titleHits(title: string, canonical: string) {
  if (!title.trim()) return [];
  const matcher = await knownEntityMatcher(db());
  const ids = [...new Set(matcher.find(title, TITLE_MATCHES).map((match) => match.id))];
  return ids.length > 0 ? entityHits(db(), ids, canonical) : [];
}

/**
 * What to say about the page in `tab` now, or null: the setting is off, the capture policy
 * refuses the page (or any setting it needs cannot be read), or there is nothing to say.
 */
export async function seenFor(tab: TabLike, now = Date.now()): Promise<SeenNotice | null> {
  const { url } = tab;
  if (tab.id === undefined || !url) return null;
  const on = await readSetting(db(), 'seenBefore');
  if (!on) return null;
  const decision = await decideCapture('manual', { tab }, now);
  if (!decision.allowed) return null;
  const canonical = canonicalUrl(url);
  const [kept, hits] = await Promise.all([
    keptAtAddress(db(), url),
    titleHits(tab.title ?? '', canonical),
  ]);
  return seenNotice(kept, hits, now);
}

/** The toolbar title's words for a notice ("You saved this page 3 weeks ago"). */
export function seenTitle(notice: SeenNotice, now: number): string | null {
  const lead = seenLead(notice);
  if (!lead) return null;
  const detail =
    lead.kind === 'page'
      ? t('seenSavedTitle', timeAgo(lead.savedAt, now, uiTextLanguage()))
      : lead.count === 1
        ? t('seenEntityOne', lead.name)
        : t('seenEntityMany', lead.count, lead.name);
  return t('badgeTitle', detail);
}

/** A page's key in the rate limit's log: a hash, so session storage holds no address. */
async function pageKey(canonical: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest).slice(0, 12)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

async function readSession<T>(key: string, valid: (value: unknown) => value is T, empty: T) {
  const value = (await chrome.storage.session.get(key))[key];
  return valid(value) ? value : empty;
}
const isLog = (value: unknown): value is ShownEntry[] => Array.isArray(value);
const isTabs = (value: unknown): value is number[] => Array.isArray(value);

/** Light the dot on `tab` if its page is worth it and the rate limit allows. */
async function lightIfSeen(tab: TabLike, now = Date.now()): Promise<void> {
  const notice = await seenFor(tab, now);
  const title = notice && seenTitle(notice, now);
  if (!title || tab.id === undefined || !tab.url) return;
  const key = await pageKey(canonicalUrl(tab.url));
  const log = await readSession(LOG_KEY, isLog, []);
  if (!mayShow(log, key, now)) return;
  // The tab may have moved on meanwhile, or show a badge of its own (a capture's flash).
  const current = await chrome.tabs.get(tab.id).catch(() => undefined);
  if (current?.url !== tab.url) return;
  if ((await chrome.action.getBadgeText({ tabId: tab.id })) !== '') return;
  await Promise.all([
    chrome.action.setBadgeText({ tabId: tab.id, text: SEEN_BADGE }),
    chrome.action.setBadgeBackgroundColor({ tabId: tab.id, color: SEEN_COLOR }),
    chrome.action.setTitle({ tabId: tab.id, title }),
  ]);
  const tabs = await readSession(TABS_KEY, isTabs, []);
  await chrome.storage.session.set({
    [LOG_KEY]: recordShown(log, key, now),
    [TABS_KEY]: [...new Set([...tabs, tab.id])],
  });
}

/** The tab left the page its dot was for: it shows the global badge again. */
async function clearSeen(tabId: number): Promise<void> {
  const tabs = await readSession(TABS_KEY, isTabs, []);
  if (!tabs.includes(tabId)) return;
  await chrome.storage.session.set({ [TABS_KEY]: tabs.filter((id) => id !== tabId) });
  // Painted over since (a flash, a pause)? Then that badge is the tab's now: leave it.
  if ((await chrome.action.getBadgeText({ tabId })) !== SEEN_BADGE) return;
  await showGlobalBadge(tabId);
}

const warn = (error: unknown) => console.warn('Engram: seen before:', error);

/** tabs.onUpdated: a new address clears the dot; a finished load may light it. */
export function onSeenTabUpdated(
  tabId: number,
  change: chrome.tabs.OnUpdatedInfo,
  tab: chrome.tabs.Tab,
): void {
  if (change.url !== undefined) void clearSeen(tabId).catch(() => undefined); // tab may be gone
  if (change.status === 'complete') void lightIfSeen(tab).catch(warn);
}

/** tabs.onRemoved: forget the closed tab. */
export function onSeenTabRemoved(tabId: number): void {
  void readSession(TABS_KEY, isTabs, [])
    .then((tabs) =>
      tabs.includes(tabId)
        ? chrome.storage.session.set({ [TABS_KEY]: tabs.filter((id) => id !== tabId) })
        : undefined,
    )
    .catch(warn);
}

/** The side panel's `seen/tab`: the note for a tab, whatever the rate limit (asking is not nagging). */
export async function seenForTab({ tabId }: { tabId: number }): Promise<SeenNotice | null> {
  const tab = await chrome.tabs.get(tabId).catch(() => undefined);
  return tab ? seenFor(tab) : null;
}
