/**
 * The user's activity (chrome.idle, which only the service worker has), relayed to the engine so
 * bulk indexing waits while the user is at the keyboard. Nothing is relayed to an engine that is
 * not running: it asks for the state when it starts (`activity/query`).
 */
import { send } from '../shared/messaging';
import { engineRunning } from './engine-gateway';

/** Seconds without input before the user counts as idle (chrome.idle's minimum is 15). */
export const IDLE_AFTER_S = 30;

type IdleState = 'active' | 'idle' | 'locked';

export async function currentActivity(): Promise<{ state: IdleState }> {
  return { state: await chrome.idle.queryState(IDLE_AFTER_S) };
}

export function onActivityChanged(state: IdleState): void {
  void (async () => {
    if (await engineRunning()) await send('engine/activity', { state });
  })().catch((error: unknown) => console.warn('Engram: relaying activity:', error));
}

export function watchActivity(): void {
  chrome.idle.setDetectionInterval(IDLE_AFTER_S);
  chrome.idle.onStateChanged.addListener(onActivityChanged);
}
