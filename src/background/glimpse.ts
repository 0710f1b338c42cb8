/**
 * Glimpses in the service worker: keep the glimpse the shortcut brought back (held for review,
 * shared/store/glimpses.ts), queue held glimpses when their hold runs out (an alarm, and a sweep
 * each time the worker starts, so a browser closed mid-hold loses nothing), and apply the
 * popup's review (keep now, keep an edit, discard).
 */
import { db } from '../shared/db';
import { t } from '../shared/i18n';
import type { CapturePayload, RequestOf, ResponseOf } from '../shared/protocol';
import {
  discardGlimpse,
  editGlimpse,
  releaseExpired,
  releaseGlimpse,
  storeGlimpse,
  type StoredGlimpse,
} from '../shared/store/glimpses';
import { wakeEngine } from './engine-gateway';

export const GLIMPSE_ALARM = 'engram-glimpse-hold';

/** Store the glimpse of a capture whose page became `pageSourceId`; null when it had none. */
export async function keepGlimpse(
  payload: CapturePayload,
  pageSourceId: string,
): Promise<StoredGlimpse | null> {
  if (!payload.glimpse) return null;
  const kept = await storeGlimpse(db(), payload, payload.glimpse, pageSourceId);
  if (kept?.heldUntil !== undefined) await releaseAt(kept.heldUntil);
  return kept;
}

/** What the page's notice says after the shortcut. */
export function glimpseConfirmation(kept: StoredGlimpse): string {
  const one = kept.blocks === 1;
  if (kept.heldUntil === undefined) {
    return t(one ? 'noticeGlimpseSeenAgainOne' : 'noticeGlimpseSeenAgainMany', kept.blocks);
  }
  return t(one ? 'noticeGlimpseHeldOne' : 'noticeGlimpseHeldMany', kept.blocks);
}

/** The alarm fires at the earliest hold still running. */
async function releaseAt(when: number): Promise<void> {
  const current = await chrome.alarms.get(GLIMPSE_ALARM);
  if (current && current.scheduledTime <= when) return;
  await chrome.alarms.create(GLIMPSE_ALARM, { when });
}

/** Queue the glimpses whose hold ran out, and set the alarm for the next one. */
export async function releaseDueGlimpses(): Promise<void> {
  const { released, next } = await releaseExpired(db());
  if (next !== undefined) await chrome.alarms.create(GLIMPSE_ALARM, { when: next });
  if (released > 0) void wakeEngine();
}

export function onGlimpseAlarm(alarm: chrome.alarms.Alarm): void {
  if (alarm.name !== GLIMPSE_ALARM) return;
  releaseDueGlimpses().catch((error: unknown) => console.warn('Engram: glimpses:', error));
}

/** The popup's review of a held glimpse. */
export async function reviewGlimpse({
  sourceId,
  action,
  text,
}: RequestOf<'glimpse/review'>): Promise<ResponseOf<'glimpse/review'>> {
  switch (action) {
    case 'keep':
      await releaseGlimpse(db(), sourceId);
      void wakeEngine();
      return { sourceId };
    case 'edit': {
      if (text === undefined) throw new Error(t('noticeGlimpseNoEdit'));
      const kept = await editGlimpse(db(), sourceId, text);
      void wakeEngine();
      return { sourceId: kept };
    }
    case 'discard':
      await discardGlimpse(db(), sourceId);
      return { sourceId: null };
  }
}
