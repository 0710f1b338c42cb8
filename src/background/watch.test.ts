/**
 * The service worker's side of page watching, against a real Dexie database (fake-indexeddb)
 * and a fake `chrome`: which tabs may be watched, and every automatic capture checked again.
 */
import 'fake-indexeddb/auto';
import type { Runtime } from 'webextension-polyfill';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../shared/db';
import { DISK_FULL_KEY, readDiskFull } from '../shared/disk-full';
import { sendToTab } from '../shared/messaging';
import { setPause } from '../shared/pause';
import type { CapturePayload } from '../shared/protocol';
import { writeSetting } from '../shared/settings';
import { onWriteSucceeded } from './disk-watch';
import { autoCapture, onPermissionsAdded, syncWatchers, watchConfigFor } from './watch';

vi.mock('./engine-gateway', () => ({ wakeEngine: vi.fn() }));
vi.mock('../shared/messaging', () => ({ sendToTab: vi.fn(() => Promise.resolve({})) }));

const granted = new Set<string>();
/** chrome.storage.local, where the disk-full flag lives (IndexedDB is what has no room). */
const local: Record<string, unknown> = {};
const registered: Array<{ id: string; matches: string[] }> = [];
vi.stubGlobal('chrome', {
  permissions: {
    contains: vi.fn(({ origins }: { origins: string[] }) =>
      Promise.resolve(origins.every((o) => granted.has(o))),
    ),
    getAll: vi.fn(() => Promise.resolve({ origins: [...granted] })),
  },
  scripting: {
    getRegisteredContentScripts: vi.fn(() => Promise.resolve([...registered])),
    registerContentScripts: vi.fn((scripts: typeof registered) => {
      registered.push(...scripts);
      return Promise.resolve();
    }),
    updateContentScripts: vi.fn((scripts: typeof registered) => {
      registered.splice(0, registered.length, ...scripts);
      return Promise.resolve();
    }),
    unregisterContentScripts: vi.fn(() => {
      registered.length = 0;
      return Promise.resolve();
    }),
  },
  tabs: { query: vi.fn(() => Promise.resolve([])) },
  storage: {
    local: {
      get: (key: string) => Promise.resolve(key in local ? { [key]: local[key] } : {}),
      set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(local, items)),
      remove: (key: string) => Promise.resolve(void delete local[key]),
    },
  },
  alarms: { create: vi.fn(() => Promise.resolve()), clear: vi.fn(() => Promise.resolve(true)) },
});

const URL_OK = 'http://127.0.0.1:8000/article.html';
const sender = (over: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender => ({
  id: 'engram',
  url: URL_OK,
  frameId: 0,
  tab: { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  ...over,
});

const page: CapturePayload = {
  mode: 'page',
  url: URL_OK,
  title: 'An article',
  text: 'The first paragraph.\n\nThe second paragraph.',
  links: [],
  extractor: 'readability',
};

beforeEach(async () => {
  granted.clear();
  granted.add('http://127.0.0.1/*');
  registered.length = 0;
  delete local[DISK_FULL_KEY];
  vi.mocked(sendToTab).mockClear();
  await db().settings.clear();
  await db().sources.clear();
  await db().jobs.clear();
  await writeSetting(db(), 'siteRules', [{ pattern: '127.0.0.1', policy: 'full' }]);
});

afterAll(() => db().close());

describe('watch/config', () => {
  it('watches a page with host access: the glimpse buffer, and no automatic capture by default', async () => {
    // The page's verdict, not the user's site rules (issue 11).
    expect(await watchConfigFor({}, sender())).toEqual({
      watch: true,
      glimpseMs: 10 * 60_000,
      dwellMs: null,
    });
    await writeSetting(db(), 'autoCapture', true);
    expect(await watchConfigFor({}, sender())).toMatchObject({ dwellMs: 20_000 });
  });

  it('refuses private windows, frames, pauses, sites without access and ruled-out sites', async () => {
    const refused = { watch: false };
    const incognito = sender({ tab: { ...sender().tab!, incognito: true } });
    expect(await watchConfigFor({}, incognito)).toEqual(refused);
    expect(await watchConfigFor({}, sender({ frameId: 3 }))).toEqual(refused);
    expect(await watchConfigFor({}, sender({ url: 'https://example.com/' }))).toEqual(refused);
    await writeSetting(db(), 'siteRules', [{ pattern: '127.0.0.1', policy: 'url-only' }]);
    expect(await watchConfigFor({}, sender())).toEqual(refused);
    await writeSetting(db(), 'siteRules', [{ pattern: '127.0.0.1', policy: 'full' }]);
    await setPause(db(), 'hour');
    expect(await watchConfigFor({}, sender())).toEqual(refused);
  });

  it('with the buffer set to 0 minutes and automatic capture off, nothing is watched', async () => {
    await writeSetting(db(), 'glimpseMinutes', 0);
    expect(await watchConfigFor({}, sender())).toEqual({ watch: false });
  });
});

describe('watch/config at a single-page app’s new address (issue 11)', () => {
  const APP = 'https://www.icloud.com/photos/';
  beforeEach(() => granted.add('https://www.icloud.com/*'));

  it('answers for the address the page gives, path rules included (icloud.com/mail is blocked)', async () => {
    const app = sender({ url: APP });
    expect(await watchConfigFor({ url: APP }, app)).toMatchObject({ watch: true });
    const mail = 'https://www.icloud.com/mail/inbox';
    expect(await watchConfigFor({ url: mail }, app)).toEqual({ watch: false });
    // The browser's address for the frame counts too: the stricter of the two decides.
    expect(await watchConfigFor({ url: APP }, sender({ url: mail }))).toEqual({ watch: false });
  });

  it('refuses an address on another origin than the sender’s', async () => {
    const other = 'https://example.com/';
    granted.add('https://example.com/*');
    expect(await watchConfigFor({ url: other }, sender({ url: APP }))).toEqual({ watch: false });
  });
});

describe('capture/auto', () => {
  it('saves a read page with origin auto when everything allows it', async () => {
    await writeSetting(db(), 'autoCapture', true);
    const saved = await autoCapture({ page, read: ['The second paragraph.'] }, sender());
    expect(saved.isNew).toBe(true);
    const row = await db().sources.get(saved.sourceId ?? '');
    expect(row).toMatchObject({ origin: 'auto', kind: 'page' });
    expect(row?.read).toHaveLength(1);
  });

  it('is refused when off, paused, or when the page and its tab disagree', async () => {
    await expect(autoCapture({ page, read: [] }, sender())).rejects.toThrow(/off/);
    await writeSetting(db(), 'autoCapture', true);
    const elsewhere = { ...page, url: 'http://10.0.0.1/x' };
    await expect(autoCapture({ page: elsewhere, read: [] }, sender())).rejects.toThrow(/disagree/);
    await setPause(db(), 'resume-manually');
    await expect(autoCapture({ page, read: [] }, sender())).rejects.toThrow(/paused/);
    expect(await db().sources.count()).toBe(0);
  });

  it('checks the page’s own path against the rules, not only its origin (issue 11)', async () => {
    await writeSetting(db(), 'autoCapture', true);
    granted.add('https://www.icloud.com/*');
    const inbox = {
      ...page,
      url: 'https://www.icloud.com/mail/inbox',
      text: 'Dear Ann, the keys…',
    };
    const app = sender({ url: 'https://www.icloud.com/photos/' });
    await expect(autoCapture({ page: inbox, read: [] }, app)).rejects.toThrow(
      /never keeps pages from this site/,
    );
    await writeSetting(db(), 'siteRules', [
      { pattern: '127.0.0.1', policy: 'full' },
      { pattern: '127.0.0.1/private', policy: 'url-only' },
    ]);
    const ruled = { ...page, url: 'http://127.0.0.1:8000/private/notes' };
    await expect(autoCapture({ page: ruled, read: [] }, sender())).rejects.toThrow(/address/);
    expect(await db().sources.count()).toBe(0);
  });
});

describe('capture/auto on a full disk (issue 12)', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const notices = () =>
    vi.mocked(sendToTab).mock.calls.filter(([, name]) => name === 'content/notice');
  const other = (n: number) => ({ ...page, url: `${URL_OK}?n=${n}`, text: `Page ${n} text.` });

  it('with the flag set, stores nothing and gives no source', async () => {
    await writeSetting(db(), 'autoCapture', true);
    local[DISK_FULL_KEY] = { since: 1 };
    expect(await autoCapture({ page, read: [] }, sender())).toEqual({
      sourceId: null,
      isNew: false,
    });
    expect(await db().sources.count()).toBe(0);
    expect(await db().jobs.count()).toBe(0);
  });

  it('two writes refused for lack of space: the page is told once, and the flag is set', async () => {
    await writeSetting(db(), 'autoCapture', true);
    let refused = 0;
    const refuse = () => {
      refused++;
      throw quota();
    };
    db().sources.hook('creating', refuse);
    try {
      // Two pages read at once: both pass the flag check before either write fails.
      const results = await Promise.allSettled([
        autoCapture({ page: other(1), read: [] }, sender()),
        autoCapture({ page: other(2), read: [] }, sender({ tab: { ...sender().tab!, id: 8 } })),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(refused).toBe(2);
      expect(notices()).toHaveLength(1);
      const notice = notices()[0]?.[2] as { text: string; tone: string } | undefined;
      expect(notice?.tone).toBe('error');
      expect(notice?.text).toMatch(/disk is full/);
      expect(await readDiskFull()).toBeDefined();
      // While the flag is set, automatic capture does not even try.
      expect(await autoCapture({ page: other(3), read: [] }, sender())).toEqual({
        sourceId: null,
        isNew: false,
      });
      expect(refused).toBe(2);
    } finally {
      db().sources.hook('creating').unsubscribe(refuse);
    }
    expect(await db().sources.count()).toBe(0);
    expect(await db().jobs.count()).toBe(0);
  });

  it('a successful write clears the flag, and automatic capture saves again', async () => {
    await writeSetting(db(), 'autoCapture', true);
    local[DISK_FULL_KEY] = { since: 1 };
    // The user saved a page by hand and it was written (capture-tab.ts): space is back.
    await onWriteSucceeded();
    expect(await readDiskFull()).toBeUndefined();
    const saved = await autoCapture({ page, read: [] }, sender());
    expect(saved.sourceId).toEqual(expect.any(String));
    expect(await db().sources.count()).toBe(1);
  });
});

describe('syncWatchers', () => {
  it('registers content.js for the granted origins, and unregisters it when none are left', async () => {
    expect(await syncWatchers()).toEqual({ watching: true, origins: ['http://127.0.0.1/*'] });
    expect(registered).toMatchObject([{ id: 'engram-watch', matches: ['http://127.0.0.1/*'] }]);
    granted.clear();
    await writeSetting(db(), 'autoCapture', true);
    expect(await syncWatchers()).toEqual({ watching: false, origins: [] });
    expect(registered).toEqual([]);
    // Automatic capture with no access left is off, as the popup and settings then say.
    expect((await db().settings.get('autoCapture'))?.value).toBe(false);
  });
});

describe('permissions granted', () => {
  it('web-wide access (asked for only by the switch) turns automatic capture on', async () => {
    await onPermissionsAdded({ origins: ['http://127.0.0.1/*'] });
    expect((await db().settings.get('autoCapture'))?.value).toBeUndefined();
    granted.add('https://*/*');
    await onPermissionsAdded({ origins: ['https://*/*'] });
    expect((await db().settings.get('autoCapture'))?.value).toBe(true);
    expect(registered[0]?.matches).toContain('https://*/*');
  });
});
