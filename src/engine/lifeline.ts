/**
 * The engine's end of the lifeline (shared/engine-lifeline.ts). Held while there is work: opening
 * it wakes a stopped service worker, so a worker is there to notice if this document dies with
 * work left. Not held while idle: a port opened again every time the worker stops would wake it
 * for nothing, every 30 s.
 */
import { ENGINE_LIFELINE } from '../shared/engine-lifeline';

let port: chrome.runtime.Port | undefined;

export function holdLifeline(): void {
  if (port) return;
  try {
    port = chrome.runtime.connect({ name: ENGINE_LIFELINE });
    port.onDisconnect.addListener(() => {
      // The worker stopped (it does after 30 s idle): the next work opens the port again.
      void chrome.runtime.lastError;
      port = undefined;
    });
  } catch (error) {
    console.warn('Engram: no lifeline to the service worker:', error);
  }
}
