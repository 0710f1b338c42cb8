/**
 * The page a quick thought was noted on (issue 15): the tab the popup, side panel or omnibox was
 * used over. It is kept only where the capture policy lets a manual capture keep the page (the
 * address at least: a `url-only` site still gives its address and title, the same as saving it
 * would), never for an incognito tab, a browser page or a blocked site. The browser's own record
 * of the tab is read, not what the composer says about it.
 */
import { db } from '../shared/db';
import { linkNoteToPage, type NotePage } from '../shared/store/note-context';
import { decideCapture } from './capture-policy';

/** The tab's page as a note may keep it, or undefined (no tab, or the policy refuses it). */
export async function notePageOf(tabId: number | undefined): Promise<NotePage | undefined> {
  if (tabId === undefined) return undefined;
  const tab = await chrome.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return undefined;
  const decision = await decideCapture('manual', { tab });
  return decision.allowed ? { url: tab.url, title: tab.title ?? '' } : undefined;
}

/** The active tab of the focused window (the omnibox's), for `notePageOf`. */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await chrome.tabs
    .query({ active: true, lastFocusedWindow: true })
    .catch(() => [] as chrome.tabs.Tab[]);
  return tab?.id;
}

/** After a note is kept with its page: joined to the page's source where that is in memory. */
export const linkToNotedPage = (noteId: string, page: NotePage | undefined) =>
  page ? linkNoteToPage(db(), noteId, page.url) : Promise.resolve();
