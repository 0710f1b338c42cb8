/**
 * Page watchers where Engram has host access (issue 5): the glimpse buffer and, opt-in,
 * automatic capture. The shipped build has no host permission (activeTab only); the user grants
 * `http://*\/*` and `https://*\/*` (optional_host_permissions) when turning automatic capture on.
 * For the origins granted, content.js is registered as a content script; each page then asks
 * `watch/config` before watching, and every automatic capture is checked again: both ask the
 * capture policy (./capture-policy.ts: the tab, the pause, host access, the site rules, and for
 * automatic capture the setting still on).
 * Revoking access, or turning capture off, unregisters the script and stops the open pages'
 * watchers (`content/watch-stop`), which forget their buffers.
 */
import type { Runtime } from 'webextension-polyfill';
import { AUTO_CAPTURE_ORIGINS } from '../shared/auto-capture';
import { CaptureRefusedError } from '../shared/capture-refusal';
import { db } from '../shared/db';
import { isQuotaError, readDiskFull } from '../shared/disk-full';
import { t } from '../shared/i18n';
import { sendToTab } from '../shared/messaging';
import type { RequestOf, ResponseOf, WatchConfig } from '../shared/protocol';
import { readSetting, writeSetting } from '../shared/settings';
import { storeCapture } from '../shared/store/sources';
import { decideCapture, originPattern, senderSubject, siteVerdict } from './capture-policy';
import { onDiskFull } from './disk-watch';
import { wakeEngine } from './engine-gateway';

const SCRIPT_ID = 'engram-watch';
const WEB_PATTERN = /^(?:https?|\*):\/\//;

/** The web origins Engram may script without the user pointing at a page. */
async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await chrome.permissions.getAll();
  return origins.filter((origin) => WEB_PATTERN.test(origin));
}

/**
 * Register content.js for the granted origins when something needs a watcher (the glimpse
 * buffer, or automatic capture), else unregister it. Automatic capture with no access left is
 * turned off.
 */
export async function syncWatchers(): Promise<ResponseOf<'watch/sync'>> {
  const store = db();
  const origins = await grantedOrigins();
  let auto = await readSetting(store, 'autoCapture');
  // Access can be narrowed to some sites (chrome://extensions): capture goes on there only. With
  // none left, automatic capture is off, and says so in the popup and settings.
  if (auto && origins.length === 0) {
    await writeSetting(store, 'autoCapture', false);
    auto = false;
  }
  const glimpse = (await readSetting(store, 'glimpseMinutes')) > 0;
  const watching = origins.length > 0 && (glimpse || auto);
  const [existing] = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (!watching) {
    if (existing) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return { watching, origins: [] };
  }
  const script = {
    id: SCRIPT_ID,
    matches: origins,
    js: ['content.js'],
    runAt: 'document_idle' as const,
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (existing) await chrome.scripting.updateContentScripts([script]);
  else await chrome.scripting.registerContentScripts([script]);
  return { watching, origins };
}

/** Tell every open page's watcher to stop and forget its buffer. */
export async function stopWatchers(): Promise<void> {
  const tabs = await chrome.tabs.query({});
  const stops = tabs.flatMap((tab) =>
    tab.id === undefined
      ? []
      : [sendToTab(tab.id, 'content/watch-stop', {}).catch(() => undefined)],
  );
  await Promise.all(stops);
}

/** The popup or settings page changed automatic capture or host access. */
export async function onWatchSync(): Promise<ResponseOf<'watch/sync'>> {
  const result = await syncWatchers();
  if (!(await readSetting(db(), 'autoCapture'))) await stopWatchers();
  return result;
}

/** Host access taken back (chrome://extensions, or the toggle): stop cleanly. */
export function onPermissionsRemoved(): void {
  void (async () => {
    await syncWatchers();
    await stopWatchers();
  })().catch((error: unknown) => console.warn('Engram: watchers:', error));
}

/**
 * Host access granted. The web-wide origins are asked for only by the automatic-capture switch,
 * after its disclosure; a popup closes when Chrome's permission prompt takes the focus, so the
 * switch may never hear the answer: the grant itself turns automatic capture on.
 */
export async function onPermissionsAdded(added: chrome.permissions.Permissions): Promise<void> {
  const origins = added.origins ?? [];
  if (AUTO_CAPTURE_ORIGINS.some((origin) => origins.includes(origin))) {
    await writeSetting(db(), 'autoCapture', true);
  }
  await syncWatchers();
}

const NOT_WATCHED: WatchConfig = { watch: false };

/**
 * May the page that asks be watched, at the address it gives (a single-page app asks again at
 * each new one)? The answer is the page's verdict, never the user's site rules (issue 11). The
 * address must be on the sender's origin, and the browser's own idea of the frame's address must
 * be allowed too: the stricter of the two decides.
 */
export async function watchConfigFor(
  { url }: RequestOf<'watch/config'>,
  sender: Runtime.MessageSender,
): Promise<WatchConfig> {
  const subject = senderSubject(sender);
  if (url !== undefined && originPattern(url) !== originPattern(subject.url ?? '')) {
    return NOT_WATCHED;
  }
  const store = db();
  // Read once, together: every page load in a site Engram may read asks this.
  const [decision, minutes, auto, dwellMs] = await Promise.all([
    decideCapture('watch', { ...subject, url: url ?? subject.url }),
    readSetting(store, 'glimpseMinutes'),
    readSetting(store, 'autoCapture'),
    readSetting(store, 'autoCaptureDwellMs'),
  ]);
  if (minutes === 0 && !auto) return NOT_WATCHED;
  if (!decision.allowed) return NOT_WATCHED;
  if ('kind' in siteVerdict('watch', subject.url ?? '', decision.siteRules)) return NOT_WATCHED;
  return { watch: true, glimpseMs: minutes * 60_000, dwellMs: auto ? dwellMs : null };
}

/** A page the user read: saved with the read parts marked, if everything still allows it. */
export async function autoCapture(
  { page, read }: RequestOf<'capture/auto'>,
  sender: Runtime.MessageSender,
): Promise<ResponseOf<'capture/auto'>> {
  const decision = await decideCapture('auto', senderSubject(sender));
  if (!decision.allowed) throw new CaptureRefusedError(decision.refusal);
  // The page says where it is; the browser says where the tab is. They must agree.
  if (originPattern(page.url) !== originPattern(sender.url ?? '')) {
    throw new Error('The page and its tab disagree about where they are.');
  }
  // The page's own address, path included: a single-page app may have moved to a blocked path
  // (icloud.com/mail) on the origin the sender's address was decided for.
  const verdict = siteVerdict('auto', page.url, decision.siteRules);
  if ('kind' in verdict) throw new CaptureRefusedError(verdict);
  if (page.extractor === 'url-only') return { sourceId: null, isNew: false };
  // The disk is full: no try until space is back (disk-watch.ts); the user was told once.
  if (await readDiskFull().catch(() => undefined)) return { sourceId: null, isNew: false };
  let stored;
  try {
    stored = await storeCapture(db(), { ...page, mode: 'page' }, 'auto', Date.now(), { read });
  } catch (error) {
    if (isQuotaError(error) && (await onDiskFull()) && sender.tab?.id !== undefined) {
      // The first failed write: said on the page the capture came from.
      await sendToTab(sender.tab.id, 'content/notice', {
        text: t('noticeDiskFullAuto'),
        tone: 'error',
      }).catch(() => undefined);
    }
    throw error;
  }
  void wakeEngine();
  return { sourceId: stored.sourceId, isNew: stored.isNew };
}
