/**
 * Content script entry. It arrives two ways: injected on demand by the service worker
 * (`scripting.executeScript`, under activeTab) each time the user asks to capture, and, where the
 * user granted Engram host access, registered for those origins (background/watch.ts) so that a
 * page watcher keeps the glimpse buffer and, if turned on, captures pages that are read. Built as
 * a classic script: no imports at run time besides what the bundler inlines, and no zod.
 */
import { capture } from './capture';
import { gateFields, gateFrame, type GateOptions } from './gate';
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
  // default blocklist applies even when there are none. Closed shadow roots are checked too, and
  // with frames read, each frame passes the gate on its own address and fields first.
  capture: (request) => {
    const siteRules = request.siteRules ?? [];
    const frameAllowed = (frame: Document) =>
      gateFrame(frame, location.href, siteRules, gate).decision === 'full';
    return capture(request, document, window, {
      siteRules,
      gate,
      ...(request.readFrames ? { extract: { readFrames: true, frameAllowed } } : {}),
      glimpse: () => buildGlimpse(document, window, watcher?.seen),
    });
  },
  notice: ({ text, tone }) => showNotice(text, tone),
  stopWatching: () => {
    watcher?.stop();
    watcher = undefined;
  },
});

/** The background's verdict for this page at `url`: it answers, not the user's site rules. */
async function watchConfig(url: string) {
  return parseWatchConfig(await toBackground(chrome.runtime, 'watch/config', { url }));
}

const fieldsAllow = () => gateFields(document, gate).decision === 'full';

/**
 * Start the page watcher if the background allows it for this tab (it answers "no" without host
 * access, during a pause, on a never or address-only site or path); it records only while the
 * page's own gate passes too, at every address the page takes (page-gate.ts).
 */
async function startWatching(): Promise<void> {
  if (typeof document === 'undefined' || window.top !== window) return;
  const config = await watchConfig(location.href);
  if (!config.watch || watcher) return;
  if (gateFields(document, gate).decision === 'never') return;
  watcher = watchPage(config, {
    doc: document,
    win: window,
    siteAllows: async (url) => (await watchConfig(url)).watch,
    fieldsAllow,
    saveRead: async (read) => {
      // The gate again, now (the background checks the address again, path rules included).
      if (!fieldsAllow()) return;
      const page = capture({ mode: 'page' }, document, window, {});
      await toBackground(chrome.runtime, 'capture/auto', { page, read });
    },
  });
}

if (fresh) {
  startWatching().catch(() => {
    // No answer (the worker is restarting, the extension was reloaded): this page is not watched.
  });
}
