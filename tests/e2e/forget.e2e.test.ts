/**
 * Forgetting for real (issue 12), in real Chromium with the fixtures build. A page carrying a
 * unique marker is saved with the real shortcut (page and glimpse), served under a public-looking
 * host name; questions in the real popup cite it (extractive answers, which quote its sentences);
 * the search indexes are persisted with it. Then the page is forgotten with `memory/forget` from
 * an extension page, as the library and settings pages send it, and every store of the extension
 * origin is read (every object store of every IndexedDB database, Cache Storage, localStorage,
 * chrome.storage): no byte of the marker is left, search does not find it, and the popup shows
 * the old citations as forgotten sources. Again after a browser restart on the same profile,
 * when the engine reloads its persisted indexes. Last, conversations are deleted in the chat
 * (one) and on the settings page (all), each through its plain confirmation.
 */
import { createServer, type Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askEngine, sendFromPage } from './engine-messages';
import {
  askInPopup,
  finishedAnswer,
  launchEngram,
  pressRememberShortcut,
  putSetting,
  readTable,
  READ_MESSAGES,
  RealPopup,
  serviceWorker,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
  type RenderedMessage,
} from './harness';
import { dumpStorage, markerIn } from './storage-dump';

/** Unique per run, so nothing else on the machine can hold it by chance. */
const MARKER = `qz${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}x`;
const LIGHTHOUSE_HOST = 'lighthouse.example-site.org';
const GARDEN_HOST = 'garden.example-site.net';

function article(title: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>\n${body}</article></body></html>`;
}

const LIGHTHOUSE = article(`The Vexmoor lighthouse log ${MARKER}`, [
  `The Vexmoor lighthouse keeper ${MARKER} logged every storm that crossed the northern bay.`,
  `In the winter of 1911 the keeper ${MARKER} counted forty gales and one waterspout over Vexmoor.`,
  `Ships passing Vexmoor signalled the lighthouse with lamps, and ${MARKER} wrote each signal down.`,
  'The lamp burned whale oil until the lighthouse was electrified in the nineteen twenties.',
]);
/** Kept: about the same keeper, so that one answer cites both pages. */
const GARDEN = article('A moss terrarium at the Vexmoor lighthouse', [
  'The Vexmoor lighthouse keeper grew a moss terrarium on the windowsill of the lamp room.',
  'Mist the moss terrarium twice a week and keep it out of direct sunlight.',
  'Charcoal keeps the terrarium soil fresh by absorbing odours and excess water.',
]);

/** One server for both hosts: the page is chosen by the Host header. */
async function serveArticles(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const html = (req.headers.host ?? '').startsWith(LIGHTHOUSE_HOST) ? LIGHTHOUSE : GARDEN;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port };
}

const HOST_RULES = `--host-resolver-rules=MAP ${LIGHTHOUSE_HOST} 127.0.0.1, MAP ${GARDEN_HOST} 127.0.0.1`;

/** Let the mapped hosts through the harness's block on everything but loopback. */
async function allowHosts(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => [LIGHTHOUSE_HOST, GARDEN_HOST].includes(url.hostname),
    (route) => route.continue(),
  );
}

async function extensionPage(engram: Engram, path = 'settings.html'): Promise<Page> {
  const page = await engram.context.newPage();
  await page.goto(`chrome-extension://${engram.extensionId}/${path}`);
  return page;
}

async function keywordSearch(engram: Engram, query: string): Promise<string[]> {
  const sw = await serviceWorker(engram);
  const found = await askEngine<{ sourceIds: string[] }>(sw, 'engine/search', {
    query,
    mode: 'keyword',
    limit: 10,
  });
  return found.sourceIds;
}

describe('forgetting for real', () => {
  const profile = tempProfile();
  let served: { server: Server; port: number };
  let engram: Engram;
  let pageId: string;
  let gardenId: string;

  const launch = async () => {
    engram = await launchEngram(profile.dir, undefined, { args: [HOST_RULES] });
    await allowHosts(engram.context);
  };

  /** Open a page under its public-looking name and save it with the real shortcut. */
  async function saveWithShortcut(host: string, path: string, title: string) {
    const tab = await engram.context.newPage();
    await tab.goto(`http://${host}:${served.port}${path}`, { waitUntil: 'load' });
    await tab.bringToFront();
    await pressRememberShortcut(tab);
    const source = await waitFor(
      `"${title}" to be indexed`,
      async () =>
        (await storedSources(engram)).find(
          (s) => s.kind === 'page' && s.title.includes(title) && s.status === 'indexed',
        ),
      60_000,
    );
    return { tab, id: source.id };
  }

  /** Ask in the real popup: in the latest conversation, or in a new chat. */
  async function ask(
    tab: Page,
    question: string,
    count: number,
    newChat = false,
  ): Promise<RenderedMessage> {
    const popup = await RealPopup.open(engram, tab);
    try {
      if (newChat) {
        await waitFor('the new-chat button', () =>
          popup.evaluate<boolean>(`!!document.querySelector('[data-testid="new-chat"]')`),
        );
        await popup.evaluate(`document.querySelector('[data-testid="new-chat"]').click()`);
      }
      await askInPopup(popup, question);
      return await finishedAnswer(popup, count);
    } finally {
      await popup.close();
    }
  }

  beforeAll(async () => {
    served = await serveArticles();
    await launch();
    // Extractive answers: made of the pages' own sentences, the hardest case for forgetting.
    await putSetting(engram, 'generation', false);
  }, 60_000);

  afterAll(async () => {
    await engram?.close();
    served?.server.close();
    profile.remove();
  });

  test('a forgotten page leaves no byte behind, also after a restart', async () => {
    const lighthouse = await saveWithShortcut(LIGHTHOUSE_HOST, `/log/${MARKER}.html`, 'Vexmoor');
    pageId = lighthouse.id;
    gardenId = (await saveWithShortcut(GARDEN_HOST, '/terrarium.html', 'moss terrarium')).id;
    // The shortcut kept a glimpse of what was on screen too, held for review.
    const glimpse = (await storedSources(engram)).find(
      (s) => s.kind === 'glimpse' && s.text.includes(MARKER),
    );
    expect(glimpse).toBeDefined();

    const first = await ask(lighthouse.tab, 'What did the Vexmoor lighthouse keeper log?', 1);
    expect(first.citations.map((c) => c.sourceId)).toContain(pageId);
    expect(first.text).toContain(MARKER);
    // A second conversation, citing both pages: only the forgotten one's sentences may go.
    const both = await ask(lighthouse.tab, 'What did the Vexmoor lighthouse keeper do?', 1, true);
    expect(both.citations.map((c) => c.sourceId)).toEqual(
      expect.arrayContaining([pageId, gardenId]),
    );

    // The control: the scan sees the marker where it is, the persisted indexes included.
    const settings = await extensionPage(engram);
    const before = await waitFor(
      'the persisted indexes to hold the page',
      async () => {
        const found = markerIn(await dumpStorage(settings), MARKER);
        return found.some((p) => p.includes('.indexSnapshots.')) && found;
      },
      60_000,
    );
    for (const store of ['sources', 'chunks', 'messages', 'indexSnapshots']) {
      expect(before.some((p) => p.includes(`.engram.${store}.`))).toBe(true);
    }
    expect(await keywordSearch(engram, MARKER)).not.toEqual([]);

    await sendFromPage(settings, 'background', 'engine/ensure', {});
    const { deleted } = await sendFromPage<{ deleted: number }>(
      settings,
      'engine',
      'memory/forget',
      { sourceIds: [pageId] },
    );
    expect(deleted).toBe(2); // the page and the glimpse taken on it

    const after = await dumpStorage(settings);
    expect(markerIn(after, MARKER)).toEqual([]);
    // Cache Storage holds model files only (transformers.js's own cache is off): no page text.
    expect(Object.keys(after.caches).filter((name) => name !== 'engram-models-v1')).toEqual([]);
    expect(await keywordSearch(engram, MARKER)).toEqual([]);
    expect(await keywordSearch(engram, 'terrarium')).toContain(gardenId);
    // The persisted indexes were written again at once, not merely dropped.
    const parts = await readTable<{ key: string }>(engram, 'indexSnapshots');
    expect(parts.map((p) => p.key)).toContain('keyword');

    // The popup shows the old answers with their numbers, the page as a forgotten source.
    const popup = await RealPopup.open(engram, lighthouse.tab);
    try {
      // Read after the forgotten citation is on screen, so the messages are the rendered ones.
      const answer = await waitFor('the forgotten citations', async () => {
        const forgotten = await popup.evaluate<number>(
          `document.querySelectorAll('[data-testid="citation"][data-forgotten="true"]').length`,
        );
        if (forgotten === 0) return undefined;
        const messages = await popup.evaluate<RenderedMessage[]>(READ_MESSAGES);
        return messages.filter((m) => m.role === 'assistant').at(-1);
      });
      expect(answer.text).not.toContain(MARKER);
      expect(answer.text).toMatch(/terrarium/i);
      expect(answer.citations.map((c) => c.title)).toContain('A forgotten source');
      expect(
        await popup.evaluate<boolean>(`!!document.querySelector('[data-testid="forgotten-note"]')`),
      ).toBe(true);
    } finally {
      await popup.close();
    }
    await lighthouse.tab.close();

    // A restart: the engine loads the persisted indexes; the page must not come back.
    await engram.close();
    await launch();
    const again = await extensionPage(engram);
    await sendFromPage(again, 'background', 'engine/ensure', {});
    await waitFor('the engine after the restart', async () =>
      (await keywordSearch(engram, 'terrarium')).includes(gardenId),
    );
    expect(await keywordSearch(engram, MARKER)).toEqual([]);
    expect(await keywordSearch(engram, 'waterspout gales')).toEqual([]);
    expect(markerIn(await dumpStorage(again), MARKER)).toEqual([]);
  }, 240_000);

  test('a conversation is deleted in the chat, and all of them on the settings page', async () => {
    const tab = await engram.context.newPage();
    await tab.goto(`http://${GARDEN_HOST}:${served.port}/terrarium.html`);
    await ask(tab, 'How often should I mist a moss terrarium?', 1, true);
    const conversations = () => readTable<{ id: string }>(engram, 'conversations');
    const count = (await conversations()).length;
    expect(count).toBe(3);

    const popup = await RealPopup.open(engram, tab);
    try {
      await waitFor('the delete button', () =>
        popup.evaluate<boolean>(`!!document.querySelector('[data-testid="delete-conversation"]')`),
      );
      await popup.evaluate(`document.querySelector('[data-testid="delete-conversation"]').click()`);
      // Nothing is deleted before the plain confirmation.
      await waitFor('the confirmation', () =>
        popup.evaluate<boolean>(
          `!!document.querySelector('[data-testid="delete-conversation-confirm"]')`,
        ),
      );
      expect(await conversations()).toHaveLength(count);
      // Cancel takes the focus (in the effect after the render): a stray Enter keeps the conversation.
      await waitFor(
        'Cancel to have the focus',
        async () =>
          (await popup.evaluate<string | null>(
            `document.activeElement?.getAttribute('data-testid')`,
          )) === 'delete-conversation-cancel',
      );
      await popup.evaluate(
        `document.querySelector('[data-testid="delete-conversation-confirm"]').click()`,
      );
      await waitFor(
        'the conversation to go',
        async () => (await conversations()).length === count - 1,
      );
      await waitFor('an empty chat', () =>
        popup.evaluate<boolean>(`!!document.querySelector('[data-testid="empty"]')`),
      );
    } finally {
      await popup.close();
    }

    const settings = await extensionPage(engram);
    await settings.getByTestId('delete-all-conversations').click();
    expect(await conversations()).toHaveLength(count - 1);
    await settings.getByTestId('delete-all-conversations-confirm').click();
    await expect
      .poll(() => settings.getByTestId('conversations-deleted').textContent())
      .toBe(`Conversations deleted: ${count - 1}`);
    expect(await conversations()).toEqual([]);
    expect(await readTable(engram, 'messages')).toEqual([]);
  }, 120_000);
});
