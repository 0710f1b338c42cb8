/**
 * The engine's handlers for the models work: the search probe (benchmarks, tests), the user's
 * activity relayed by the service worker (only it has chrome.idle; the offscreen document has
 * only chrome.runtime), retrying failed model loads at once when the network comes back, and
 * starting the downloads when the user allows them.
 */
import { liveQuery } from 'dexie';
import { db } from '../../shared/db';
import type { HandlerTable } from '../../shared/messaging';
import { send } from '../../shared/messaging';
import { readSetting } from '../../shared/settings';
import type { Engine } from '../engine';
import { searchSources } from '../index/search';
import { becameAllowed } from './download-consent';

export function modelHandlers(
  ready: Promise<Engine>,
): HandlerTable<'engine/search' | 'engine/activity'> {
  return {
    'engine/search': async (request) => {
      const engine = await ready;
      return { sourceIds: await searchSources(engine.index, engine.embedder, request) };
    },
    'engine/activity': async ({ state }) => {
      (await ready).models.pace.setUserActive(state === 'active');
      return {};
    },
  };
}

/**
 * Ask for the user's activity now (changes arrive as `engine/activity`), follow the idle-unload
 * setting, and retry failed model loads at once when the network comes back.
 */
export function watchModelConditions(ready: Promise<Engine>): void {
  void ready
    .then(async (engine) => {
      const { state } = await send('activity/query', {});
      engine.models.pace.setUserActive(state === 'active');
    })
    .catch((error: unknown) => console.warn('Engram: user activity:', error));
  // The settings page changes how long unused models stay loaded: apply it without a restart.
  void ready.then((engine) =>
    liveQuery(() => readSetting(db(), 'modelIdleMinutes')).subscribe((minutes) => {
      engine.embedder.lifecycle.setIdleMs(minutes * 60_000);
      engine.generator.lifecycle.setIdleMs(minutes * 60_000);
      engine.transcriber.lifecycle.setIdleMs(minutes * 60_000);
    }),
  );
  // "Download now" (welcome page, popup, Settings) writes the setting: start loading at once.
  void ready.then((engine) => {
    const allowedNow = becameAllowed();
    liveQuery(() => readSetting(db(), 'modelDownloads')).subscribe((value) => {
      if (!allowedNow(value)) return;
      engine.embedder.lifecycle.retryNow();
      engine.generator.lifecycle.retryNow();
      engine.transcriber.lifecycle.retryNow();
      engine.warm();
    });
  });
  addEventListener('online', () => {
    void ready.then((engine) => {
      engine.embedder.lifecycle.retryNow();
      engine.generator.lifecycle.retryNow();
      // Whatever waited for the embedder (backfill) runs when it is back.
      void engine.embedder
        .load()
        .then(() => engine.ingestor.backfill())
        .catch(() => undefined);
    });
  });
}
