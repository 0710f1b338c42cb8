/**
 * A full disk (issue 12): a write that failed for lack of space. The flag lives in
 * `chrome.storage.local`, not IndexedDB, because IndexedDB is what has no room: a row saying so
 * could not be written there. The service worker sets it at the first failed write and clears it
 * when space is back (background/disk-watch.ts); the popup shows it, and automatic capture does
 * not try while it is set.
 */
export const DISK_FULL_KEY = 'engramDiskFull';

export interface DiskFull {
  /** When a write first failed for lack of space. */
  since: number;
}

/**
 * Whether an error is the browser refusing a write for lack of space: a `QuotaExceededError`
 * (a DOMException, or Dexie's error of that name), or an `AbortError` of a transaction whose
 * inner error is one (Dexie wraps the request's error as `inner`; others use `cause`).
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { name, inner, cause } = error as { name?: unknown; inner?: unknown; cause?: unknown };
  if (name === 'QuotaExceededError') return true;
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

export async function readDiskFull(): Promise<DiskFull | undefined> {
  const stored = (await chrome.storage.local.get(DISK_FULL_KEY))[DISK_FULL_KEY];
  const since = (stored as Partial<DiskFull> | undefined)?.since;
  return typeof since === 'number' ? { since } : undefined;
}

/** Set the flag; true when it was not set yet (this is the first failed write: tell the user). */
export async function noteDiskFull(now = Date.now()): Promise<boolean> {
  if (await readDiskFull()) return false;
  await chrome.storage.local.set({ [DISK_FULL_KEY]: { since: now } satisfies DiskFull });
  return true;
}

export async function clearDiskFull(): Promise<void> {
  await chrome.storage.local.remove(DISK_FULL_KEY);
}
