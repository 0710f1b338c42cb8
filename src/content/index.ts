/**
 * Content script entry. It arrives two ways: injected on demand by the service worker
 * (`scripting.executeScript`, under activeTab) each time the user asks to capture, and, where the
 * user granted Engram host access, registered for those origins (background/watch.ts) so that a
 * page watcher keeps the glimpse buffer and, if turned on, captures pages that are read. Built as
 * a classic script: no imports at run time besides what the bundler inlines, and no zod.
 */
import { capture } from './capture';
import { gatePage, type GateOptions } from './gate';
import { buildGlimpse } from './glimpse';
import { install } from './listener';
import { parseWatchConfig } from './message';
import { showNotice } from './notice';
import { watchPage, type Watcher } from './page-watch';
import { toBackground } from './to-background';

let watcher: Watcher | undefined;

const gate: GateOptions = {
  shadowRootOf: (element) =>
    element instanceof HTMLElement
      ? chrome.dom.openOrClosedShadowRoot(element)
      : element.shadowRoot,
};

const fresh = install(globalThis, chrome.runtime, {
  // The gate runs on every capture: the background always sends the user's site rules, and the
  // default blocklist applies even when there are none. Closed shadow roots are checked too.
  capture: (request) =>
    capture(request, document, window, {
      siteRules: request.siteRules ?? [],
      gate,
      ...(request.readFrames ? { extract: { readFrames: true } } : {}),
      glimpse: () => buildGlimpse(document, window, watcher?.seen),
    }),
  notice: ({ text, tone }) => showNotice(text, tone),
  stopWatching: () => {
    watcher?.stop();
    watcher = undefined;
  },
});

/**
 * Start the page watcher if the background allows it for this tab (it answers "no" without host
 * access, during a pause, on a never-site), and only after the privacy gate passed the page.
 */
async function startWatching(): Promise<void> {
  if (typeof document === 'undefined' || window.top !== window) return;
  const config = parseWatchConfig(await toBackground(chrome.runtime, 'watch/config', {}));
  if (!config.watch || watcher) return;
  if (gatePage(document, location.href, config.siteRules, gate).decision !== 'full') return;
  watcher = watchPage(config, {
    doc: document,
    win: window,
    saveRead: async (siteRules, read) => {
      // The gate again, now: a password field may have appeared since the page loaded.
      const page = capture({ mode: 'page' }, document, window, { siteRules, gate });
      if (page.extractor === 'url-only') return;
      await toBackground(chrome.runtime, 'capture/auto', { page, read });
    },
  });
}

if (fresh) {
  startWatching().catch(() => {
    // No answer (the worker is restarting, the extension was reloaded): this page is not watched.
  });
}
