/**
 * Pausing capture (issue 5): for an hour, until tomorrow, or until resumed. The pause is the
 * `pause` setting (shared/settings.ts: one row of the `settings` table, validated by the settings
 * schema), in the extension's IndexedDB, where content scripts cannot reach it, so it holds across
 * browser restarts and a killed service worker.
 *
 * Every capture path asks `capturePaused` (or `assertNotPaused`) before reading a page: the
 * shortcut, the menus and the popup (background/capture-tab.ts), and automatic capture. It fails
 * closed: a pause row that cannot be parsed counts as a pause until resumed, and a database that
 * cannot be read throws, so the caller captures nothing.
 *
 * A timed pause needs no timer to end: it is over once `now` passes `until`. The service worker's
 * alarm (background/pause-badge.ts) only puts the toolbar badge back when that happens.
 *
 * Automatic capture must call `assertNotPaused` (or `capturePaused`) too, before reading a page.
 */
import { z } from 'zod';
import type { EngramDb } from './db';
import { t, uiLanguage } from './i18n';
import { pauseChoice, pauseRecord } from './pause-schema';
import { readSettingStrict, SettingUnreadableError, writeSetting } from './settings';

/** The pause's key in the settings schema (shared/settings.ts), which validates its row. */
export const PAUSE_KEY = 'pause';

/** What the user picked: pause for an hour, until tomorrow, until resumed; or resume now. */
export type PauseChoice = z.infer<typeof pauseChoice>;

/** The stored row's value: when the pause began, and when it ends (null: when resumed). */
export { pauseChoice, pauseRecord };
export type PauseRecord = z.infer<typeof pauseRecord>;

export type PauseStatus =
  | { paused: false }
  | {
      paused: true;
      /** When capture resumes by itself; null: only when the user resumes it. */
      until: number | null;
      /** `unreadable`: the stored pause could not be parsed, so Engram stays paused (fail closed). */
      reason: 'user' | 'unreadable';
    };

const HOUR_MS = 60 * 60 * 1000;

/** The next local midnight after `now`: "until tomorrow" (a DST day may be 23 or 25 hours). */
export function startOfTomorrow(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/** The record a choice makes at `now` (null: not paused). */
export function pauseFor(choice: PauseChoice, now: number): PauseRecord {
  switch (choice) {
    case 'hour':
      return { since: now, until: now + HOUR_MS };
    case 'tomorrow':
      return { since: now, until: startOfTomorrow(now) };
    case 'resume-manually':
      return { since: now, until: null };
    case 'resume':
      return null;
  }
}

/** A stored pause as read: its record, or `unreadable` when the row does not parse. */
export type StoredPause = PauseRecord | 'unreadable';

const warnUnreadable = () =>
  console.warn('Engram: the pause setting is unreadable; capture stays paused until resumed');

/** The state of a stored value at `now`; `undefined` is a row never written (not paused). */
export function pauseStatusOf(stored: unknown, now: number): PauseStatus {
  if (stored === undefined) return { paused: false };
  const parsed = pauseRecord.safeParse(stored);
  if (!parsed.success) warnUnreadable();
  return pauseStatusAt(parsed.success ? parsed.data : 'unreadable', now);
}

/** The state of a pause as read (`readPause`) at `now`. */
export function pauseStatusAt(stored: StoredPause, now: number): PauseStatus {
  if (stored === 'unreadable') return { paused: true, until: null, reason: 'unreadable' };
  if (stored === null || (stored.until !== null && stored.until <= now)) return { paused: false };
  return { paused: true, until: stored.until, reason: 'user' };
}

/**
 * The stored pause, read strictly through the settings schema: a row that does not parse is
 * `unreadable` (paused: fail closed); a database that cannot be read throws.
 */
export async function readPause(db: EngramDb): Promise<StoredPause> {
  try {
    return await readSettingStrict(db, PAUSE_KEY);
  } catch (error) {
    if (!(error instanceof SettingUnreadableError)) throw error;
    warnUnreadable();
    return 'unreadable';
  }
}

/** Whether capture is paused at `now`. Throws when the database cannot be read (fail closed). */
export async function capturePaused(db: EngramDb, now = Date.now()): Promise<PauseStatus> {
  return pauseStatusAt(await readPause(db), now);
}

/** Apply the user's choice at `now`; returns the new state. */
export async function setPause(
  db: EngramDb,
  choice: PauseChoice,
  now = Date.now(),
): Promise<PauseStatus> {
  const record = pauseFor(choice, now);
  await writeSetting(db, PAUSE_KEY, record);
  return pauseStatusAt(record, now);
}

/** The interface's locale for dates ("en", "zh-CN"), so a day's name matches the words around it. */
const dateLocale = (): string => uiLanguage().replace('_', '-');

/** A short local time ("14:05") or, past today, a day and a time ("Tue 00:00", "周二 00:00"). */
export function formatPauseEnd(until: number, now: number): string {
  const locale = dateLocale();
  const end = new Date(until);
  const time = end.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const sameDay = new Date(now).toDateString() === end.toDateString();
  return sameDay ? time : `${end.toLocaleDateString(locale, { weekday: 'short' })} ${time}`;
}

/** "Paused until 14:05", "Paused until you resume" — for the badge title, notices and the UI. */
export function describePause(status: PauseStatus, now: number): string {
  if (!status.paused) return t('pauseOn');
  if (status.reason === 'unreadable') return t('pauseUnreadable');
  return status.until === null
    ? t('pauseUntilResume')
    : t('pauseUntil', formatPauseEnd(status.until, now));
}

/**
 * What a capture refused by a pause tells the user: until when, that nothing was read, and where
 * to resume. The `paused` refusal's words (./capture-refusal.ts), here so `assertNotPaused` says
 * the same without importing the refusals (which import this module).
 */
export function pausedText(status: PauseStatus & { paused: true }, now: number): string {
  if (status.reason === 'unreadable') return t('refusalPausedUnreadable');
  return status.until === null
    ? t('refusalPausedUntilResume')
    : t('refusalPausedUntil', formatPauseEnd(status.until, now));
}

/** A capture refused because Engram is paused: nothing was read from the page. */
export class CapturePausedError extends Error {
  override name = 'CapturePausedError';
}

/** Throws `CapturePausedError` with a message for the user when capture is paused at `now`. */
export async function assertNotPaused(db: EngramDb, now = Date.now()): Promise<void> {
  const status = await capturePaused(db, now);
  if (status.paused) throw new CapturePausedError(pausedText(status, now));
}
