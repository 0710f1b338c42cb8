/**
 * The toolbar badge confirms a capture (or says it failed) on the tab it happened in, for a few
 * seconds; then the tab shows the global badge again, which says whether capture is paused
 * (./pause-badge.ts).
 */
import { t } from '../shared/i18n';
import { PAUSED_COLOR, syncPauseBadge } from './pause-badge';

const CLEAR_AFTER_MS = 4_000;

export async function flashBadge(
  tabId: number | undefined,
  outcome: 'saved' | 'failed',
  detail: string,
): Promise<void> {
  const saved = outcome === 'saved';
  const target = tabId === undefined ? {} : { tabId };
  await Promise.all([
    chrome.action.setBadgeText({ ...target, text: saved ? '✓' : '!' }),
    chrome.action.setBadgeBackgroundColor({ ...target, color: saved ? '#1a7f37' : '#cf222e' }),
    chrome.action.setTitle({ ...target, title: t('badgeTitle', detail) }),
  ]);
  setTimeout(() => {
    void clearFlash(tabId).catch(() => undefined); // The tab may be gone by now: nothing to clear.
  }, CLEAR_AFTER_MS);
}

/**
 * Give the tab the global badge again (paused or not). Chrome documents `null` text for this ("the
 * text for the specified tab is cleared and defaults to the global badge text"); `''` would hide a
 * pause. The title and colour have no such reset (seen in Chromium 156: a null title is ignored),
 * so the tab gets the global ones, which ./pause-badge.ts repaints on every tab when they change.
 */
async function clearFlash(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) {
    await syncPauseBadge(); // the flash was global: paint the global state again
    return;
  }
  await showGlobalBadge(tabId);
}

/**
 * The tab shows the global badge again after a badge of its own (a capture's flash, "seen
 * before": ./seen-before.ts).
 */
export async function showGlobalBadge(tabId: number): Promise<void> {
  const title = await chrome.action.getTitle({});
  await Promise.all([
    chrome.action.setBadgeText({ tabId, text: null as unknown as string }),
    chrome.action.setBadgeBackgroundColor({ tabId, color: PAUSED_COLOR }),
    chrome.action.setTitle({ tabId, title }),
  ]);
}
