/**
 * The toolbar badge always says whether capture is paused, and a timed pause ends on time: an
 * alarm (which survives the service worker being stopped, and fires after a browser restart if
 * it was missed) puts the badge back when the pause runs out. The state itself is in IndexedDB
 * (shared/pause.ts); this only shows it.
 */
import { db } from '../shared/db';
import { t } from '../shared/i18n';
import {
  capturePaused,
  describePause,
  setPause,
  type PauseChoice,
  type PauseStatus,
} from '../shared/pause';

export const PAUSE_ALARM = 'engram-pause-end';
// Plain letters, not ⏸ (U+23F8), which some systems draw as an empty box.
export const PAUSED_BADGE = 'II';
export const PAUSED_COLOR = '#6e7781';

/**
 * The global badge for `status`. A tab that showed a capture's ✓ or ! keeps a title of its own
 * (./badge.ts), which has no reset: every open tab gets the new title too. A pause outranks the
 * tabs' own badges (a "seen before" dot: ./seen-before.ts): they give way to the global one.
 */
async function paintBadge(status: PauseStatus, now: number): Promise<void> {
  const title = status.paused ? t('badgeTitle', describePause(status, now)) : t('actionTitle');
  await Promise.all([
    chrome.action.setBadgeText({ text: status.paused ? PAUSED_BADGE : '' }),
    chrome.action.setBadgeBackgroundColor({ color: PAUSED_COLOR }),
    chrome.action.setTitle({ title }),
  ]);
  const tabs = await chrome.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id: tabId }) => {
      if (tabId === undefined) return;
      await chrome.action.setTitle({ tabId, title }).catch(() => undefined);
      if (!status.paused) return;
      await chrome.action
        .setBadgeText({ tabId, text: null as unknown as string })
        .catch(() => undefined);
    }),
  );
}

/** Show the stored pause state on the badge, and set the alarm that ends a timed pause. */
export async function syncPauseBadge(now = Date.now()): Promise<PauseStatus> {
  let status: PauseStatus;
  try {
    status = await capturePaused(db(), now);
  } catch (error) {
    // Capture refuses too when the settings cannot be read: say so rather than look ready.
    console.warn('Engram: could not read the pause state:', error);
    status = { paused: true, until: null, reason: 'unreadable' };
  }
  await paintBadge(status, now);
  if (status.paused && status.until !== null) {
    await chrome.alarms.create(PAUSE_ALARM, { when: status.until });
  } else {
    await chrome.alarms.clear(PAUSE_ALARM);
  }
  return status;
}

/** The popup's or settings page's choice: store it, then show it. */
export async function choosePause(choice: PauseChoice): Promise<PauseStatus> {
  await setPause(db(), choice);
  return syncPauseBadge();
}

export function onAlarm(alarm: chrome.alarms.Alarm): void {
  if (alarm.name !== PAUSE_ALARM) return;
  void syncPauseBadge().catch((error: unknown) => console.warn('Engram: pause badge:', error));
}
