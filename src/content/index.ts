/**
 * Content script entry, injected on demand by the service worker (`scripting.executeScript`,
 * under activeTab) each time the user asks to capture. Built as a classic script: no imports at
 * run time besides what the bundler inlines, and no zod (see message.ts).
 */
import { capture } from './capture';
import { install } from './listener';
import { showNotice } from './notice';

install(globalThis, chrome.runtime, {
  capture: (request) => capture(request),
  notice: ({ text, tone }) => showNotice(text, tone),
});
