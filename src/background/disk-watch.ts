/**
 * After a write failed for lack of space (shared/disk-full.ts): the flag is set at the first
 * failure, automatic capture stops trying (watch.ts), and an alarm looks each minute whether
 * space is back (deleting memories, or anything else on the disk, frees it): the origin's usage
 * well under its quota. Then the flag is cleared, capture resumes and the engine takes up the
 * indexing jobs that waited (a quota error in the engine leaves its job queued: `disk/full`).
 * A write that succeeds meanwhile (the user saving a page by hand) proves space is back too.
 */
import { clearDiskFull, noteDiskFull, readDiskFull } from '../shared/disk-full';
import { t } from '../shared/i18n';
import { flashBadge } from './badge';
import { wakeEngine } from './engine-gateway';

const ALARM = 'engram-disk-check';
/** Room to have again before capture resumes: a few pages and their vectors, with margin. */
export const ROOM_BYTES = 64 * 1024 * 1024;

/** Failures noted one after the other: two writes failing at once must not both be "first". */
let noting: Promise<unknown> = Promise.resolve();

/** A write failed for lack of space: true the first time (the caller tells the user). */
export function onDiskFull(): Promise<boolean> {
  const noted = noting.then(async () => {
    const first = await noteDiskFull();
    await chrome.alarms.create(ALARM, { periodInMinutes: 1 });
    return first;
  });
  noting = noted.catch(() => undefined);
  return noted;
}

/**
 * The engine's write failed for lack of space (`disk/full`): the flag, and at the first failure
 * the toolbar badge says so (no page is the engine's to show a notice on); the popup and the
 * library show the banner while the flag is set.
 */
export async function onEngineDiskFull(): Promise<Record<string, never>> {
  if (await onDiskFull()) await flashBadge(undefined, 'failed', t('noticeDiskFullEngine'));
  return {};
}

/** A write succeeded: if the flag was set, space is back; clear it and let the queue go on. */
export async function onWriteSucceeded(): Promise<void> {
  if (!(await readDiskFull())) return;
  await spaceBack();
}

async function spaceBack(): Promise<void> {
  await clearDiskFull();
  await chrome.alarms.clear(ALARM);
  void wakeEngine();
}

/** Clear the flag once the origin has room again; true when it did. */
export async function checkDiskSpace(
  estimate: () => Promise<StorageEstimate> = () => navigator.storage.estimate(),
): Promise<boolean> {
  if (!(await readDiskFull())) {
    await chrome.alarms.clear(ALARM);
    return false;
  }
  const { usage = 0, quota = 0 } = await estimate();
  if (quota - usage < ROOM_BYTES) return false;
  await spaceBack();
  return true;
}

/** Registered at the worker's top level: the alarm's listener, and a look at every start. */
export function watchDiskSpace(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkDiskSpace().catch(warn);
  });
  void checkDiskSpace().catch(warn);
}

const warn = (error: unknown) => console.warn('Engram: checking disk space:', error);
