/**
 * Capture from a tab: inject the content script (activeTab grants this after the shortcut, a
 * context-menu click or the popup), ask it for what the user chose, validate the answer, store it
 * durably, confirm on the page, and wake the engine to index it.
 */
import { errorMessage, sendToTab } from '../shared/messaging';
import type { CaptureOrigin, CapturePayload, CaptureRequest } from '../shared/protocol';
import { db } from '../shared/db';
import { assertNotPaused } from '../shared/pause';
import { readSetting, readSettingStrict } from '../shared/settings';
import { storeCapture, type StoredCapture } from '../shared/store/sources';
import { policyFor } from '../core/privacy/site-policy';
import { flashBadge } from './badge';
import { pdfPayload } from './capture-pdf';
import { glimpseConfirmation, keepGlimpse } from './glimpse';
import { wakeEngine } from './engine-gateway';

const CAPTURABLE = /^https?:\/\//i;

const NEVER_SITE =
  'Engram never keeps pages from this site (your blocklist: banks, mail, password managers, health, local addresses). Change it in Settings.';

function confirmation(isNew: boolean, payload: CapturePayload): string {
  if (payload.extractor === 'url-only') {
    return 'Saved the address only: this page has a password or payment field.';
  }
  const saved = isNew ? 'Saved to Engram' : 'Already in Engram — seen again';
  return payload.truncated ? `${saved} (${CUT_SHORT[payload.truncated]})` : saved;
}

/** Why only the first part of a page was kept, as the notice says it. */
const CUT_SHORT: Record<NonNullable<CapturePayload['truncated']>, string> = {
  elements: 'the first part only: the page is very large',
  size: 'the first 2 MB of text only',
  time: 'the first part only: the page took too long to read',
};

export async function captureTab(
  tab: { id?: number; url?: string; incognito?: boolean },
  request: CaptureRequest,
  origin: CaptureOrigin,
): Promise<StoredCapture> {
  const tabId = tab.id;
  try {
    if (tabId === undefined) throw new Error('There is no tab to save.');
    if (tab.incognito) throw new Error('Engram never saves private windows.');
    if (tab.url !== undefined && !CAPTURABLE.test(tab.url)) {
      throw new Error('Engram can only save web pages (http or https).');
    }
    // Fail closed: a paused Engram, or settings that cannot be read (both throw), read nothing.
    const [, siteRules, readFrames] = await Promise.all([
      assertNotPaused(db()),
      readSettingStrict(db(), 'siteRules'),
      readSetting(db(), 'readFrames'),
    ]);
    // A site the user never wants kept is not even read: the content script is not injected.
    if (tab.url !== undefined && policyFor(tab.url, siteRules) === 'never') {
      throw new Error(NEVER_SITE);
    }
    await injectContentScript(tabId);
    // A PDF open in the tab is read by the engine with pdf.js (./capture-pdf.ts), not the page.
    const pdf = request.mode === 'page' ? await pdfPayload(tabId, siteRules) : null;
    const payload =
      pdf ??
      (await sendToTab(tabId, 'content/capture', {
        ...request,
        siteRules,
        ...(readFrames ? { readFrames } : {}),
      }));
    const stored = await storeCapture(db(), payload, origin);
    // The shortcut's glimpse (what was on screen), held for review and linked to the page.
    const glimpse = await keepGlimpse(payload, stored.sourceId);
    const saved = glimpse ? glimpseConfirmation(glimpse) : confirmation(stored.isNew, payload);
    await notify(tabId, saved, 'success');
    await flashBadge(tabId, 'saved', `saved “${stored.title}”`);
    void wakeEngine();
    return stored;
  } catch (error) {
    const message = friendly(errorMessage(error));
    await notify(tabId, message, 'error');
    await flashBadge(tabId, 'failed', message).catch(() => undefined);
    throw new Error(message, { cause: error });
  }
}

/**
 * Inject the content script. Chromium grants activeTab for a keyboard shortcut while it dispatches
 * the command, and the grant can land a moment after our listener runs (seen in headless
 * Chromium 156: about one press in four failed on the first try), so a refusal is retried briefly.
 */
async function injectContentScript(tabId: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await chrome.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        files: ['content.js'],
      });
      return;
    } catch (error) {
      if (attempt >= 4 || !/Cannot access contents/i.test(errorMessage(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
}

async function notify(tabId: number | undefined, text: string, tone: 'success' | 'error') {
  if (tabId === undefined) return;
  // The notice is a courtesy: a page that cannot show it (it navigated away) still got saved.
  await sendToTab(tabId, 'content/notice', { text, tone }).catch(() => undefined);
}

function friendly(message: string): string {
  if (/Cannot access|cannot be scripted|chrome:\/\/|extensions gallery/i.test(message)) {
    return (
      'Engram cannot read this page (browser pages and the web store are off limits).' + message
    );
  }
  if (/QuotaExceeded|quota/i.test(message)) {
    return 'Your disk is full: Engram could not save this page. Free some space and try again.';
  }
  return message;
}
