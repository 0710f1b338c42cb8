/**
 * The shortcut, menu and popup path against a real Dexie database (fake-indexeddb) and a fake
 * `chrome`: it asks the capture policy before injecting, says the refusal in the shared words,
 * and puts the page's answer to the site rules again.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { refusalText } from '../shared/capture-refusal';
import { db } from '../shared/db';
import { setPause } from '../shared/pause';
import type { CapturePayload } from '../shared/protocol';
import { writeSetting } from '../shared/settings';
import { captureTab } from './capture-tab';

const toTab: Array<[string, unknown]> = [];
let pageAnswer: CapturePayload;
vi.mock('../shared/messaging', () => ({
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
  sendToTab: vi.fn((_tabId: number, name: string, payload: unknown) => {
    toTab.push([name, payload]);
    return Promise.resolve(name === 'content/capture' ? pageAnswer : {});
  }),
}));
const badges: Array<[string, string]> = [];
vi.mock('./badge', () => ({
  flashBadge: vi.fn((_tabId: number, outcome: string, detail: string) => {
    badges.push([outcome, detail]);
    return Promise.resolve();
  }),
}));
vi.mock('./engine-gateway', () => ({ wakeEngine: vi.fn(() => Promise.resolve()) }));

const PAGE = 'https://news.example/story';
let injectError: Error | null = null;
const executeScript = vi.fn((details: { files?: string[] }) => {
  if (details.files) return injectError ? Promise.reject(injectError) : Promise.resolve([]);
  // capture-pdf.ts asks the document's type: an ordinary page here.
  return Promise.resolve([{ result: { type: 'text/html', url: PAGE } }]);
});
vi.stubGlobal('chrome', { scripting: { executeScript } });

const tab = { id: 7, url: PAGE, incognito: false };
const article: CapturePayload = {
  mode: 'page',
  url: PAGE,
  title: 'The bridge',
  text: 'The council met on Tuesday to discuss the new bridge.',
  links: [],
  extractor: 'readability',
};

beforeEach(async () => {
  toTab.length = 0;
  badges.length = 0;
  injectError = null;
  pageAnswer = article;
  executeScript.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await db().settings.clear();
  await db().sources.clear();
});

afterAll(() => db().close());

describe('refused by the policy: nothing injected, the shared words on the badge', () => {
  it.each([
    ['a private window', { ...tab, incognito: true }, { kind: 'incognito' } as const],
    ['a browser page', { ...tab, url: 'chrome://settings/' }, null],
  ])('%s', async (_what, at, refusal) => {
    const error = await captureTab(at, { mode: 'page' }, 'menu').catch((e: unknown) => e);
    expect(executeScript).not.toHaveBeenCalled();
    const words = refusalText(refusal ?? { kind: 'unsupported-page', page: 'not-web' });
    expect((error as Error).message).toBe(words);
    expect(badges).toEqual([['failed', words]]);
  });

  it('a site ruled out by the user', async () => {
    await writeSetting(db(), 'siteRules', [{ pattern: 'news.example', policy: 'never' }]);
    await expect(captureTab(tab, { mode: 'page' }, 'shortcut')).rejects.toThrow(
      'Engram never keeps pages from this site: your site rule for “news.example” says never.',
    );
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('a pause', async () => {
    await setPause(db(), 'resume-manually');
    await expect(captureTab(tab, { mode: 'selection' }, 'menu')).rejects.toThrow(
      /^Saving is paused until you resume\./,
    );
    expect(executeScript).not.toHaveBeenCalled();
  });
});

it('the browser’s refusal follows the notice after a space', async () => {
  injectError = new Error('Cannot access a chrome:// URL');
  await expect(captureTab({ id: 7 }, { mode: 'page' }, 'shortcut')).rejects.toThrow(
    'Engram cannot read this page (browser pages and the web store are off limits). Cannot access a chrome:// URL',
  );
});

describe('the page’s answer is put to the site rules again', () => {
  it('an allowed page is saved, with the rules and the frames setting sent to the gate', async () => {
    await writeSetting(db(), 'readFrames', true);
    const stored = await captureTab(tab, { mode: 'page' }, 'shortcut');
    expect(stored.isNew).toBe(true);
    expect(toTab[0]).toEqual([
      'content/capture',
      { mode: 'page', siteRules: [], readFrames: true },
    ]);
    expect(toTab[1]).toEqual(['content/notice', { text: 'Saved to Engram', tone: 'success' }]);
  });

  it('an answer from a never site (the page moved) is refused and not stored', async () => {
    pageAnswer = { ...article, url: 'https://mail.google.com/mail/u/0/' };
    await expect(captureTab(tab, { mode: 'page' }, 'shortcut')).rejects.toThrow(
      /never keeps pages from this site: “mail\.google\.com” is on the default blocklist/,
    );
    expect(await db().sources.count()).toBe(0);
  });

  it('an address-only site keeps the address, not the text nor a glimpse', async () => {
    await writeSetting(db(), 'siteRules', [{ pattern: 'news.example/story', policy: 'url-only' }]);
    pageAnswer = { ...article, glimpse: { seen: [], now: ['The bridge'], buffered: false } };
    const stored = await captureTab(
      { ...tab, url: 'https://news.example/' },
      { mode: 'page' },
      'menu',
    );
    const row = await db().sources.get(stored.sourceId);
    expect(row).toMatchObject({ title: PAGE, text: PAGE });
    expect(await db().sources.count()).toBe(1);
  });
});
