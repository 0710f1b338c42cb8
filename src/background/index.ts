/**
 * The service worker: router, capture, commands, context menus, lifecycle.
 * Every listener is registered synchronously at the top level, so an event that wakes a stopped
 * worker finds its handler. Work in flight lives in IndexedDB, never only in a variable.
 */
import browser from 'webextension-polyfill';
import { createReceiver } from '../shared/messaging';
import { onCommand } from './commands';
import { createContextMenus, onMenuClicked } from './context-menus';
import { ensureEngine } from './engine-gateway';
import { onGlimpseAlarm, releaseDueGlimpses } from './glimpse';
import { backgroundHandlers } from './handlers';
import { onOmniboxEntered, setOmniboxSuggestion } from './omnibox';
import { watchActivity } from './user-activity';
import { onInstalledWelcome } from './welcome';
import { watchEngineWork } from './work-watch';
import { watchDiskSpace } from './disk-watch';
import { rememberUiLocale } from '../shared/locale-memo';
import { onAlarm, syncPauseBadge } from './pause-badge';
import { onSeenTabRemoved, onSeenTabUpdated } from './seen-before';
import { onPermissionsAdded, onPermissionsRemoved, syncWatchers } from './watch';

browser.runtime.onMessage.addListener(createReceiver('background', backgroundHandlers));

chrome.commands.onCommand.addListener(onCommand);
chrome.omnibox.onInputEntered.addListener(onOmniboxEntered);
setOmniboxSuggestion();
chrome.contextMenus.onClicked.addListener(onMenuClicked);
watchActivity();
chrome.alarms.onAlarm.addListener(onAlarm);
// The badge is not kept across browser restarts: paint the pause state whenever the worker starts.
void syncPauseBadge().catch((error: unknown) => console.warn('Engram: pause badge:', error));

// "You have seen this before" (issue 14): from each tab's address and title as it loads.
chrome.tabs.onUpdated.addListener(onSeenTabUpdated);
chrome.tabs.onRemoved.addListener(onSeenTabRemoved);

chrome.alarms.onAlarm.addListener(onGlimpseAlarm);
// Work left queued when the engine or this worker stopped is taken up again (issue 12).
watchEngineWork();
// After a write failed for lack of space: capture resumes once space is back.
watchDiskSpace();
chrome.permissions.onRemoved.addListener(onPermissionsRemoved);
chrome.permissions.onAdded.addListener((added) => {
  onPermissionsAdded(added).catch((error: unknown) => console.warn('Engram: watchers:', error));
});
// Glimpses whose hold ran out while the worker (or the browser) was stopped are queued now.
void releaseDueGlimpses().catch((error: unknown) => console.warn('Engram: glimpses:', error));
void rememberUiLocale().catch((error: unknown) => console.warn('Engram: locale:', error));

chrome.runtime.onInstalled.addListener((details) => {
  void onInstalledWelcome(details).catch((error: unknown) =>
    console.warn('Engram: welcome:', error),
  );
  void syncWatchers().catch((error: unknown) => console.warn('Engram: watchers:', error));
  void createContextMenus().catch((error: unknown) => console.warn('Engram: menus:', error));
  void ensureEngine().catch((error: unknown) => console.warn('Engram: engine:', error));
});

// On browser start the engine resumes what was queued or being answered when it last stopped.
chrome.runtime.onStartup.addListener(() => {
  void ensureEngine().catch((error: unknown) => console.warn('Engram: engine:', error));
});
