/**
 * The service worker's handler table: one handler for each message the protocol sends to the
 * background (a missing one is a type error). Apart from index.ts so that the receiving path can be
 * tested with the real handlers (tests/protocol/hostile-messages.test.ts).
 */
import { db } from '../shared/db';
import { announceGraphEdit } from '../shared/graph-edits';
import type { HandlersFor } from '../shared/messaging';
import { deleteEntity, mergeEntities, renameEntity } from '../shared/store/entity-edits';
import { regenerateAnswer, rename, stopAnswer } from './answer-control';
import { captureTab } from './capture-tab';
import { ask } from './chat';
import { deleteConversations } from './conversations';
import { onEngineDiskFull } from './disk-watch';
import { engineListening, restartEngine } from './engine-gateway';
import { reviewGlimpse } from './glimpse';
import { noteOn, retry } from './library';
import { choosePause } from './pause-badge';
import { seenForTab } from './seen-before';
import { currentActivity } from './user-activity';
import { autoCapture, onWatchSync, stopWatchers, watchConfigFor } from './watch';

/** A graph edit's answer; one that changed names tells the engine's matcher (graph-edits.ts). */
async function edited(edit: Promise<boolean>): Promise<{ changed: boolean }> {
  const changed = await edit;
  if (changed) announceGraphEdit();
  return { changed };
}

export const backgroundHandlers: HandlersFor<'background'> = {
  'chat/ask': ask,
  'conversations/delete': deleteConversations,
  'conversations/rename': rename,
  'chat/stop': stopAnswer,
  'chat/regenerate': regenerateAnswer,
  'capture/active-tab': async ({ tabId }) => {
    const tab = await chrome.tabs.get(tabId);
    const stored = await captureTab(tab, { mode: 'page' }, 'popup');
    return { sourceId: stored.sourceId, title: stored.title };
  },
  'pause/set': async ({ choice }) => {
    const status = await choosePause(choice);
    // Open pages' watchers stop and forget their buffers: nothing seen during a pause is kept.
    if (status.paused) void stopWatchers().catch(() => undefined);
    return { paused: status.paused, until: status.paused ? status.until : null };
  },
  'watch/config': watchConfigFor,
  'watch/sync': onWatchSync,
  'capture/auto': autoCapture,
  'glimpse/review': reviewGlimpse,
  'activity/query': currentActivity,
  'disk/full': onEngineDiskFull,
  'engine/ensure': async () => {
    await engineListening();
    return {};
  },
  'engine/restart': async () => {
    await restartEngine();
    return {};
  },
  'source/retry': retry,
  'source/note': noteOn,
  'graph/rename': async ({ entityId, name }) => edited(renameEntity(db(), entityId, name)),
  'graph/merge': async ({ intoId, fromId }) => edited(mergeEntities(db(), intoId, fromId)),
  'graph/delete': async ({ entityId }) => edited(deleteEntity(db(), entityId)),
  'seen/tab': seenForTab,
};
