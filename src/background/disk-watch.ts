/**
 * After a write failed for lack of space (shared/disk-full.ts): the flag is set at the first
 * failure, automatic capture stops trying (watch.ts), and an alarm looks each minute whether
 * space is back (deleting memories, or anything else on the disk, frees it): the origin's usage
 * well under its quota. Then the flag is cleared and capture resumes.
 */
import { clearDiskFull, noteDiskFull, readDiskFull } from '../shared/disk-full';

const ALARM = 'engram-disk-check';
/** Room to have again before capture resumes: a few pages and their vectors, with margin. */
export const ROOM_BYTES = 64 * 1024 * 1024;

/** A write failed for lack of space: true the first time (the caller tells the user). */
export async function onDiskFull(): Promise<boolean> {
  const first = await noteDiskFull();
  await chrome.alarms.create(ALARM, { periodInMinutes: 1 });
  return first;
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
  await clearDiskFull();
  await chrome.alarms.clear(ALARM);
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
