/**
 * Capture from a tab: ask the capture policy, inject the content script (activeTab grants this
 * after the shortcut, a context-menu click or the popup), ask it for what the user chose, validate
 * the answer, store it durably, confirm on the page, and wake the engine to index it.
 */
import type { SiteRule } from '../core/privacy/site-policy';
import { CaptureRefusedError, refusalText } from '../shared/capture-refusal';
import { t, type MessageKey } from '../shared/i18n';
import { errorMessage, sendToTab } from '../shared/messaging';
import type { CaptureOrigin, CapturePayload, CaptureRequest } from '../shared/protocol';
import { db } from '../shared/db';
import { readSetting } from '../shared/settings';
import { storeCapture, type StoredCapture } from '../shared/store/sources';
import { flashBadge } from './badge';
import { decideCapture, siteVerdict, type CaptureSubject } from './capture-policy';
import { pdfPayload } from './capture-pdf';
import { glimpseConfirmation, keepGlimpse } from './glimpse';
import { wakeEngine } from './engine-gateway';
import { isQuotaError } from '../shared/disk-full';
import { onDiskFull, onWriteSucceeded } from './disk-watch';

function confirmation(isNew: boolean, payload: CapturePayload): string {
  if (payload.extractor === 'url-only') return t('noticeSavedAddressOnly');
  if (!payload.truncated) return t(isNew ? 'noticeSaved' : 'noticeSeenAgain');
  return t(isNew ? 'noticeSavedPart' : 'noticeSeenAgainPart', t(CUT_SHORT[payload.truncated]));
}

/** Why only the first part of a page was kept, as the notice says it. */
const CUT_SHORT = {
  elements: 'noticePartElements',
  size: 'noticePartSize',
  time: 'noticePartTime',
} satisfies Record<NonNullable<CapturePayload['truncated']>, MessageKey>;

/**
 * Where in the tab the user pointed (a menu click: issue 11): a frame other than the top one is
 * put to the policy on its own address, and read in that frame, by its own gate.
 */
export type PointedAt = Pick<CaptureSubject, 'frameId' | 'frameUrl' | 'editable'>;

export async function captureTab(
  tab: { id?: number; url?: string; incognito?: boolean },
  request: CaptureRequest,
  origin: CaptureOrigin,
  pointed: PointedAt = {},
): Promise<StoredCapture> {
  const tabId = tab.id;
  const frameId = pointed.frameId ?? 0;
  try {
    // A refused page is not even read: the content script is not injected. The policy fails
    // closed: a pause or site rules that cannot be read refuse.
    const [decision, readFrames] = await Promise.all([
      decideCapture('manual', { tab, ...pointed }),
      readSetting(db(), 'readFrames'),
    ]);
    if (!decision.allowed) throw new CaptureRefusedError(decision.refusal);
    const { siteRules } = decision;
    if (tabId === undefined) throw new Error(t('refusalNoTab')); // refused above: no-tab
    await injectContentScript(tabId);
    // A PDF open in the tab is read by the engine with pdf.js (./capture-pdf.ts), not the page.
    const pdf = request.mode === 'page' ? await pdfPayload(tabId, siteRules) : null;
    // What was clicked in a frame is read there (the top frame keeps the notices).
    if (frameId !== 0) await injectContentScript(tabId, frameId);
    const payload =
      pdf ??
      admitted(
        await sendToTab(
          tabId,
          'content/capture',
          { ...request, siteRules, ...(readFrames ? { readFrames } : {}) },
          frameId,
        ),
        siteRules,
      );
    const stored = await storeCapture(db(), payload, origin);
    // A page written after a full disk: space is back, automatic capture and indexing go on.
    await onWriteSucceeded().catch(() => undefined);
    // The shortcut's glimpse (what was on screen), held for review and linked to the page.
    const glimpse = await keepGlimpse(payload, stored.sourceId);
    const saved = glimpse ? glimpseConfirmation(glimpse) : confirmation(stored.isNew, payload);
    await notify(tabId, saved, 'success');
    await flashBadge(tabId, 'saved', t('noticeBadgeSaved', stored.title));
    void wakeEngine();
    return stored;
  } catch (error) {
    // A full disk: the flag the popup shows, and automatic capture waits for space (disk-watch.ts).
    if (isQuotaError(error)) await onDiskFull().catch(() => undefined);
    const message = error instanceof CaptureRefusedError ? error.message : friendly(error);
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
async function injectContentScript(tabId: number, frameId = 0): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await chrome.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
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

/**
 * The page's answer, put to the site rules once more for the address it gives (the page's own,
 * which the gate in the page checked too; the glimpse comes with it): a `never` site refuses, and
 * an address-only site keeps the address, not the text.
 */
function admitted(payload: CapturePayload, siteRules: readonly SiteRule[]): CapturePayload {
  const verdict = siteVerdict('manual', payload.url, siteRules);
  if ('kind' in verdict) throw new CaptureRefusedError(verdict);
  if (verdict.keep === 'full' || payload.extractor === 'url-only') return payload;
  const { mode, url } = payload;
  return { mode, url, title: url, text: url, links: [], extractor: 'url-only' };
}

/** Chrome's refusals and storage errors, in the user's words. */
function friendly(error: unknown): string {
  const message = errorMessage(error);
  if (/Cannot access|cannot be scripted|chrome:\/\/|extensions gallery/i.test(message)) {
    return refusalText({ kind: 'unsupported-page', page: 'browser', detail: message });
  }
  if (isQuotaError(error) || /QuotaExceeded/i.test(message)) {
    return t('noticeDiskFull');
  }
  return message;
}
