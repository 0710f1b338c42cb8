/**
 * "Save selection" and the other menus, from the click Chrome reports (OnClickData) through the
 * capture policy to what is stored, against fake-indexeddb and a fake `chrome` (issue 11): a
 * selection made in an editable field or in a frame the rules refuse is refused before anything is
 * injected; one in an allowed frame is read in that frame, by its own gate.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../shared/db';
import type { CapturePayload } from '../shared/protocol';
import { writeSetting } from '../shared/settings';
import { onMenuClicked } from './context-menus';

const toTab: Array<{ name: string; frameId: number | undefined }> = [];
let pageAnswer: CapturePayload;
vi.mock('../shared/messaging', () => ({
  errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e)),
  sendToTab: vi.fn((_tabId: number, name: string, _payload: unknown, frameId?: number) => {
    toTab.push({ name, frameId });
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

const executeScript = vi.fn((_details: { target: { frameIds?: number[] } }) => Promise.resolve([]));
vi.stubGlobal('chrome', { scripting: { executeScript } });

const PAGE = 'https://www.icloud.com/';
const tab = { id: 7, index: 0, url: PAGE, incognito: false } as chrome.tabs.Tab;
const MARKER = 'SECRET-SELECTION-MARKER';

/** A right click on a selection, as Chromium reports it. */
const click = (
  over: Partial<chrome.contextMenus.OnClickData>,
): chrome.contextMenus.OnClickData => ({
  menuItemId: 'save-selection',
  editable: false,
  frameId: 0,
  pageUrl: PAGE,
  selectionText: `${MARKER} the gate code is 4412`,
  ...over,
});

/** Click, and wait for the outcome on the badge. */
async function clickMenu(info: chrome.contextMenus.OnClickData): Promise<[string, string]> {
  onMenuClicked(info, tab);
  await vi.waitFor(() => expect(badges).toHaveLength(1));
  return badges[0] as [string, string];
}

beforeEach(async () => {
  toTab.length = 0;
  badges.length = 0;
  executeScript.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  pageAnswer = {
    mode: 'selection',
    url: PAGE,
    title: 'iCloud',
    text: `${MARKER} the gate code is 4412`,
    links: [],
    extractor: 'selection',
  };
  await db().settings.clear();
  await db().sources.clear();
});

afterAll(() => db().close());

const storedText = async () => (await db().sources.toArray()).map((s) => s.text).join(' ');

describe('Save selection', () => {
  it('refuses a selection inside a frame whose own address is blocked (icloud.com/mail)', async () => {
    const frame = { frameId: 12, frameUrl: 'https://www.icloud.com/mail/inbox' };
    const [outcome, words] = await clickMenu(click(frame));
    expect(outcome).toBe('failed');
    expect(words).toMatch(/never keeps pages from this site: “icloud\.com\/mail”/);
    expect(executeScript).not.toHaveBeenCalled();
    expect(await storedText()).not.toContain(MARKER);
  });

  it('refuses a selection in an editable field, in the page or in a frame', async () => {
    for (const over of [{ editable: true }, { editable: true, frameId: 3, frameUrl: PAGE }]) {
      badges.length = 0;
      const [outcome, words] = await clickMenu(click(over));
      expect(outcome).toBe('failed');
      expect(words).toMatch(/typed into form fields/);
    }
    expect(executeScript).not.toHaveBeenCalled();
    expect(await db().sources.count()).toBe(0);
  });

  it('reads a selection in an allowed frame in that frame, where its own gate runs', async () => {
    pageAnswer = { ...pageAnswer, url: 'https://www.icloud.com/photos/' };
    const [outcome] = await clickMenu(
      click({ frameId: 5, frameUrl: 'https://www.icloud.com/photos/' }),
    );
    expect(outcome).toBe('saved');
    // The top frame keeps the notices; the selection is read in its frame.
    expect(executeScript.mock.calls.map((call) => call[0].target.frameIds)).toEqual([[0], [5]]);
    expect(toTab[0]).toEqual({ name: 'content/capture', frameId: 5 });
    expect((await db().sources.toArray())[0]?.url).toBe('https://www.icloud.com/photos/');
  });

  it('a selection in the page itself is read in the top frame, as before', async () => {
    await writeSetting(db(), 'siteRules', []);
    pageAnswer = { ...pageAnswer, url: 'https://news.example/story' };
    const [outcome] = await clickMenu(click({ pageUrl: 'https://news.example/story' }));
    expect(outcome).toBe('saved');
    expect(executeScript.mock.calls[0]?.[0].target.frameIds).toEqual([0]);
  });
});
