/**
 * "You have seen this before" (issue 14) in real Chromium with the fixtures build. Pages served
 * under public-looking host names are saved with the real shortcut; their save time is moved three
 * weeks back (the clock, not the feature: nobody waits three weeks); opened again in a new tab, the
 * toolbar button of that tab shows the dot and says "You saved this page 3 weeks ago", and the real
 * side panel (opened from the toolbar button) says so with a link that opens the page in the
 * library. A title naming a known person says how many kept pages mention her. A blocked site, a
 * paused Engram and the setting turned off show nothing, each against a control that does.
 * Screenshots of the side panel, light and dark, English and Chinese, go to ENGRAM_SEEN_SHOTS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchEngram,
  pressRememberShortcut,
  putSetting,
  RealPopup,
  serviceWorker,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { setSiteRules } from './site-rules';

const SHOTS = process.env.ENGRAM_SEEN_SHOTS ?? '/tmp/seen-shots';
const HOST = 'tides.example-news.org';
const BLOCKED_HOST = 'ledger.example-accounts.net';
const HOSTS = [HOST, BLOCKED_HOST];
const HOST_RULES = `--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`;
const WEEKS_3 = 21 * 24 * 60 * 60_000;

const PAGES: Record<string, string> = {
  '/harbour': 'The Vexmoor harbour survey',
  '/lamp': 'How the Vexmoor lamp was lit',
  '/ledger': 'Quarterly ledger notes',
  '/chen': 'Dr. Jane Chen maps the northern tides',
  '/zh': 'Vexmoor 港口的潮汐记录',
};

function article(title: string): string {
  const body = [
    `${title}: the keeper wrote down every tide that crossed the bay.`,
    'In the winter of 1911 the keeper counted forty gales and one waterspout.',
    'Ships signalled with lamps, and each signal was logged in the harbour book.',
  ]
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

async function serve(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const title = PAGES[new URL(req.url ?? '/', 'http://x').pathname] ?? 'Elsewhere';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(title));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port };
}

async function allowHosts(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => HOSTS.includes(url.hostname),
    (route) => route.continue(),
  );
}

/** Run in the service worker on the `engram` database: move saves back, add graph rows. */
async function inDatabase(engram: Engram, work: 'age' | 'entity', arg: string): Promise<void> {
  const sw = await serviceWorker(engram);
  await sw.evaluate(
    ({ work, arg, weeks3 }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('engram');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const database = open.result;
          const tx = database.transaction(['sources', 'entities', 'mentions'], 'readwrite');
          tx.oncomplete = () => {
            database.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          if (work === 'age') {
            // Every source saved from this address (the page and its glimpse) is three weeks old.
            const cursor = tx.objectStore('sources').openCursor();
            cursor.onsuccess = () => {
              const at = cursor.result;
              if (!at) return;
              const row = at.value as { url: string; savedAt: number };
              if (row.url === arg) at.update({ ...row, savedAt: row.savedAt - weeks3 });
              at.continue();
            };
          } else {
            const now = Date.now();
            tx.objectStore('entities').put({
              id: 'e:person:jane chen',
              kind: 'person',
              name: 'Jane Chen',
              key: 'jane chen',
              firstSeenAt: now - weeks3,
              lastSeenAt: now - weeks3,
              sourceCount: 1,
            });
            tx.objectStore('mentions').put({
              sourceId: arg,
              entityId: 'e:person:jane chen',
              role: 'author',
            });
          }
        };
      }),
    { work, arg, weeks3: WEEKS_3 },
  );
}

/** The toolbar button as the tab at `url` shows it. */
async function badgeOf(engram: Engram, url: string): Promise<{ text: string; title: string }> {
  const sw = await serviceWorker(engram);
  return sw.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab at ${url}`);
    const [text, title] = await Promise.all([
      chrome.action.getBadgeText({ tabId: tab.id }),
      chrome.action.getTitle({ tabId: tab.id }),
    ]);
    return { text, title };
  }, url);
}

describe.each([
  { lang: 'en-US', shots: 'en' },
  { lang: 'zh-CN', shots: 'zh' },
])('seen before ($shots)', ({ lang, shots }) => {
  const english = shots === 'en';
  const profile = tempProfile();
  let served: { server: Server; port: number };
  let engram: Engram;
  const url = (host: string, path: string) => `http://${host}:${served.port}${path}`;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serve();
    engram = await launchEngram(profile.dir, undefined, { args: [HOST_RULES, `--lang=${lang}`] });
    await allowHosts(engram.context);
    const sw = await serviceWorker(engram);
    await sw.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }));
  }, 60_000);

  afterAll(async () => {
    await engram?.close();
    served?.server.close();
    profile.remove();
  });

  /** Save the page at `host` `path` with the real shortcut, wait until indexed, close its tab. */
  async function saveAndAge(host: string, path: string): Promise<string> {
    const tab = await engram.context.newPage();
    await tab.goto(url(host, path), { waitUntil: 'load' });
    await tab.bringToFront();
    await pressRememberShortcut(tab);
    const source = await waitFor(
      `${path} to be indexed`,
      async () =>
        (await storedSources(engram)).find(
          (s) => s.kind === 'page' && s.url === url(host, path) && s.status === 'indexed',
        ),
      60_000,
    );
    await tab.close();
    await inDatabase(engram, 'age', url(host, path));
    return source.id;
  }

  async function open(host: string, path: string): Promise<Page> {
    const tab = await engram.context.newPage();
    await tab.goto(url(host, path), { waitUntil: 'load' });
    await tab.bringToFront();
    return tab;
  }

  /** Wait for the dot on the tab at `address`; returns the button's title. */
  const lit = async (address: string) =>
    (
      await waitFor(`the seen-before dot on ${address}`, async () => {
        const badge = await badgeOf(engram, address);
        return badge.text === '•' && badge;
      })
    ).title;

  /** No dot after the load and a moment more (the lit controls show how long it takes). */
  async function stayedDark(address: string): Promise<void> {
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await badgeOf(engram, address)).text).not.toBe('•');
  }

  /** What `seen/tab` answers for the tab at `address`, asked as the side panel asks. */
  async function seenTab(panel: RealPopup, address: string): Promise<unknown> {
    return panel.evaluate(`(async () => {
      const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(address)} });
      const reply = await chrome.runtime.sendMessage({ engram: 1, target: 'background', type: 'seen/tab', payload: { tabId: tab.id } });
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    })()`);
  }

  /** The text of a part of the side panel's note, once shown (the panel loads the chat too). */
  const noteText = (panel: RealPopup, testId: string) =>
    waitFor(
      `the side panel's ${testId}`,
      () =>
        panel.evaluate<string | null>(
          `document.querySelector('[data-testid="${testId}"]')?.textContent ?? null`,
        ),
      60_000,
    );

  async function shoot(panel: RealPopup, name: string): Promise<void> {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.colorScheme(scheme);
      await new Promise((r) => setTimeout(r, 150));
      writeFileSync(join(SHOTS, `${name}-${shots}-${scheme}.png`), await panel.screenshot());
    }
    await panel.colorScheme('light');
  }

  test('a page kept three weeks ago: the dot, the title, the side panel and its link', async () => {
    const id = await saveAndAge(HOST, '/harbour');
    const address = url(HOST, '/harbour');
    const tab = await open(HOST, '/harbour');
    const title = await lit(address);
    expect(title).toContain(english ? 'You saved this page 3 weeks ago' : '3 周前保存过这个页面');

    const panel = await RealPopup.open(engram, tab, 'sidepanel.html');
    const saved = await noteText(panel, 'seen-saved');
    expect(saved).toContain(english ? 'You saved this page 3 weeks ago' : '3 周前保存过这个页面');
    // The chat is still there, below the note.
    expect(await panel.evaluate<boolean>(`!!document.querySelector('.chat--panel textarea')`)).toBe(
      true,
    );
    await shoot(panel, 'seen-page');
    await panel.evaluate(`document.querySelector('[data-testid="seen-open-kept"]').click(), true`);
    const library = await waitFor('the library at the kept page', () =>
      Promise.resolve(engram.context.pages().find((p) => p.url().includes(`library.html#/item/`))),
    );
    expect(decodeURIComponent(library.url())).toContain(id);
    await library.close();
    await panel.close();
    await tab.close();
  }, 120_000);

  test('a title naming a known person: "1 page you read mentions Jane Chen"', async () => {
    const [harbour] = (await storedSources(engram)).filter(
      (s) => s.kind === 'page' && s.url === url(HOST, '/harbour'),
    );
    await inDatabase(engram, 'entity', harbour!.id);
    const address = url(HOST, '/chen');
    const tab = await open(HOST, '/chen');
    expect(await lit(address)).toContain(
      english ? '1 page you read mentions Jane Chen' : '你读过的 1 个页面提到了 Jane Chen',
    );
    const panel = await RealPopup.open(engram, tab, 'sidepanel.html');
    const entity = await noteText(panel, 'seen-entity');
    expect(entity).toContain(PAGES['/harbour']);
    await shoot(panel, 'seen-entity');
    await panel.close();
    await tab.close();
  }, 120_000);

  test('a blocked site, a pause and the setting turned off show nothing', async () => {
    await saveAndAge(BLOCKED_HOST, '/ledger');
    await saveAndAge(HOST, '/lamp');
    const control = await open(HOST, '/harbour');
    const panel = await RealPopup.open(engram, control, 'sidepanel.html');

    // Blocked after it was kept: never said there.
    await setSiteRules(engram, [{ pattern: BLOCKED_HOST, policy: 'never' }]);
    const blocked = url(BLOCKED_HOST, '/ledger');
    const blockedTab = await open(BLOCKED_HOST, '/ledger');
    await stayedDark(blocked);
    expect(await seenTab(panel, blocked)).toBeNull();
    await blockedTab.close();

    // Paused: nothing, though the same page says so once resumed.
    const lamp = url(HOST, '/lamp');
    await putSetting(engram, 'pause', { since: Date.now(), until: null });
    let lampTab = await open(HOST, '/lamp');
    await stayedDark(lamp);
    expect(await seenTab(panel, lamp)).toBeNull();
    await putSetting(engram, 'pause', null);
    expect(await seenTab(panel, lamp)).not.toBeNull();
    await lampTab.close();

    // The setting off: nothing; on again: the dot (the page never lit before).
    await putSetting(engram, 'seenBefore', false);
    lampTab = await open(HOST, '/lamp');
    await stayedDark(lamp);
    expect(await seenTab(panel, lamp)).toBeNull();
    await lampTab.close();
    await putSetting(engram, 'seenBefore', true);
    lampTab = await open(HOST, '/lamp');
    expect(await lit(lamp)).toBeTruthy();
    await lampTab.close();
    await panel.close();
    await control.close();
  }, 180_000);
});
