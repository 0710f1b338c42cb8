/**
 * Content script entry, injected on demand by the service worker (`scripting.executeScript`,
 * under activeTab) each time the user asks to capture. Built as a classic script: no imports at
 * run time besides what the bundler inlines, and no zod (see message.ts).
 */
import { capture } from './capture';
import { install } from './listener';
import { showNotice } from './notice';

install(globalThis, chrome.runtime, {
  // The gate runs on every capture: the background always sends the user's site rules, and the
  // default blocklist applies even when there are none. Closed shadow roots are checked too.
  capture: (request) =>
    capture(request, document, window, {
      siteRules: request.siteRules ?? [],
      gate: {
        shadowRootOf: (element) =>
          element instanceof HTMLElement
            ? chrome.dom.openOrClosedShadowRoot(element)
            : element.shadowRoot,
      },
    }),
  notice: ({ text, tone }) => showNotice(text, tone),
});
