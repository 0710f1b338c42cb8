/**
 * The whole loop in real Chromium with the built extension (fixtures flavour: the project's small
 * models are packaged): remember three real pages three ways, ask in the real toolbar popup, get an
 * answer citing the only page that answers it, restart the browser on the same profile, ask again.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clickContextMenu,
  launchEngram,
  pressRememberShortcut,
  RealPopup,
  ROOT,
  serveFolder,
  serviceWorker,
  spyOnPageMessages,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
  askInPopup,
  finishedAnswer,
  READ_MESSAGES,
  type RenderedMessage,
} from './harness';
import { setSiteRules } from './site-rules';

const PAGES = resolve(ROOT, 'tests/fixtures/e2e-pages');
const ALLOW_LOCAL = [
  { pattern: '127.0.0.1', policy: 'full' },
  { pattern: 'localhost', policy: 'full' },
] as const satisfies Parameters<typeof setSiteRules>[1];
const TERRARIUM = 'How to Build a Terrarium';
const PEANUTS = 'Babies Who Eat Peanuts Early May Avoid Allergy';
const QUESTION = 'Should babies eat peanuts early to avoid a peanut allergy?';
const FIXTURE_REPLY = 'This is a fixed reply from Engram';

describe('Engram 0.1 end to end', () => {
  const profile = tempProfile();
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;

  beforeAll(async () => {
    server = await serveFolder(PAGES);
    engram = await launchEngram(profile.dir);
    // Local addresses are on the default blocklist; the fixture pages live there.
    await setSiteRules(engram, ALLOW_LOCAL);
  });

  afterAll(async () => {
    await engram?.close();
    await server?.close();
    profile.remove();
  });

  /** Sources other than glimpses (the shortcut also keeps one: glimpse.e2e.test.ts). */
  const pagesKept = async () => (await storedSources(engram)).filter((s) => s.kind !== 'glimpse');

  async function open(path: string, host = '127.0.0.1'): Promise<Page> {
    const page = await engram.context.newPage();
    await page.goto(`${server.origin.replace('127.0.0.1', host)}${path}`, {
      waitUntil: 'domcontentloaded',
    });
    return page;
  }

  test('the real shortcut remembers the page on screen and confirms it', async () => {
    // localhost is outside the fixtures build's host permissions: only activeTab, granted by the
    // real key press, lets Engram read this page.
    const page = await open('/ehow-1/source.html', 'localhost');
    await page.bringToFront();
    await pressRememberShortcut(page);
    // The confirmations last a few seconds (notice 3.5 s, badge 4 s): look while they are up,
    // before waiting for the indexing, which can take longer than that on a busy machine.
    // The notice is on the page but closed to it: the page cannot read or style its contents.
    const notice = await waitFor('the notice', () =>
      page.evaluate(() => {
        const host = document.querySelector('engram-notice');
        return host ? { closed: host.shadowRoot === null } : null;
      }),
    );
    expect(notice).toEqual({ closed: true });
    const sw = await serviceWorker(engram);
    const badge = await waitFor('the badge', () =>
      sw.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.action.getBadgeText({ tabId: tab?.id ?? -1 });
      }, page.url()),
    );
    expect(badge).toBe('✓');
    const source = await waitFor('the terrarium page to be indexed', async () =>
      (await storedSources(engram)).find(
        (s) => s.title.includes(TERRARIUM) && s.status === 'indexed',
      ),
    );
    expect(source.kind).toBe('page');
    expect(source.text).toContain('terrarium');
  });

  test('right-click "Save page to memory" remembers the page', async () => {
    const page = await open('/webmd-1/source.html');
    await clickContextMenu(engram, page.url(), { menuItemId: 'save-page' });
    await waitFor('the peanut page to be indexed', async () =>
      (await storedSources(engram)).find(
        (s) => s.title.includes(PEANUTS) && s.status === 'indexed',
      ),
    );
  });

  test('right-click "Save selection to memory" keeps just the selection', async () => {
    const page = await open('/simplyfound-1/source.html');
    const selected = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll('p')].find((p) =>
        p.textContent?.includes('Raspberry Pi Foundation started'),
      );
      if (!paragraph) throw new Error('paragraph not found');
      getSelection()?.selectAllChildren(paragraph);
      return getSelection()?.toString() ?? '';
    });
    await clickContextMenu(engram, page.url(), {
      menuItemId: 'save-selection',
      selectionText: selected,
    });
    const source = await waitFor('the selection to be indexed', async () =>
      (await storedSources(engram)).find((s) => s.kind === 'selection' && s.status === 'indexed'),
    );
    expect(source.text).toContain('Raspberry Pi Foundation started');
    expect(source.text.length).toBeLessThan(selected.length + 50);
    expect(await pagesKept()).toHaveLength(3);
  });

  test('the same page saved again is one source seen twice', async () => {
    const page = await open('/webmd-1/source.html');
    await clickContextMenu(engram, page.url(), { menuItemId: 'save-page' });
    const source = await waitFor('the second sighting', async () =>
      (await storedSources(engram)).find((s) => s.title.includes(PEANUTS) && s.seenCount === 2),
    );
    expect(source.status).toBe('indexed');
    expect(await pagesKept()).toHaveLength(3);
  });

  test('the real popup answers from memory and cites the page that holds the answer', async () => {
    const page = await open('/ehow-1/source.html');
    const popup = await RealPopup.open(engram, page);
    await askInPopup(popup, QUESTION);
    const answer = await finishedAnswer(popup, 1);
    expect(answer.status).toBe('done');
    expect(answer.mode).toBe('generated');
    // The fixture model's words are fixed (tests/fixtures/models/README.md): it streamed through.
    expect(answer.text).toContain(FIXTURE_REPLY);
    expect(answer.citations[0]?.title).toContain(PEANUTS);
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => String(i + 1)));
    await popup.close();
  });

  test('closing the popup mid-answer loses nothing, and memory survives a browser restart', async () => {
    await engram.close();
    engram = await launchEngram(profile.dir);
    expect(await pagesKept()).toHaveLength(3);

    const page = await open('/simplyfound-1/source.html');
    const first = await RealPopup.open(engram, page);
    // The first answer, from before the restart, is shown again.
    await waitFor('the earlier answer', async () =>
      (await first.evaluate<RenderedMessage[]>(READ_MESSAGES)).some((m) => m.status === 'done'),
    );
    await askInPopup(first, 'What did I read about peanut allergies in babies?');
    await first.close(); // Mid-answer.

    const again = await RealPopup.open(engram, page);
    const answer = await finishedAnswer(again, 2);
    expect(answer.status).toBe('done');
    expect(answer.citations[0]?.title).toContain(PEANUTS);
    await again.close();
  });

  test('the settings page lists the models in use and their live state', async () => {
    const settings = await engram.context.newPage();
    await settings.goto(`chrome-extension://${engram.extensionId}/settings.html`);
    for (const id of ['engram/glove-100d-static', 'engram/tiny-gpt']) {
      const row = settings.locator(`[data-testid="model-row"][data-model-id="${id}"]`);
      await expect.poll(() => row.getAttribute('data-in-use')).toBe('true');
      await expect.poll(() => row.getAttribute('data-state')).toBe('ready');
    }
    await expect.poll(() => settings.getByTestId('storage-total').count()).toBe(1);
    // Turn the language model off, as a person would, for the next test.
    await settings.getByTestId('generation-toggle').uncheck();
    await expect.poll(() => settings.getByTestId('generation-toggle').isChecked()).toBe(false);
  });

  test('without a language model the answer is the best sentences, with citations', async () => {
    const page = await open('/ehow-1/source.html');
    const popup = await RealPopup.open(engram, page);
    await startNewChat(popup);
    await askInPopup(popup, 'When should parents give babies food with peanuts?');
    const answer = await finishedAnswer(popup, 1);
    expect(answer.mode).toBe('extractive');
    expect(answer.text).toMatch(/peanut/i);
    expect(answer.text).toMatch(/\[1\]/);
    expect(answer.citations[0]?.title).toContain(PEANUTS);

    // A citation opens its page, scrolled to the passage by a text fragment.
    const opened = engram.context.waitForEvent('page');
    await popup.evaluate(`document.querySelector('[data-testid="citation"][data-n="1"]').click()`);
    const source = await opened;
    await source.waitForURL(/webmd-1/);
    expect(source.url()).toMatch(/\/webmd-1\/source\.html#:~:text=/);
    await popup.close();
  });

  test('the side panel holds the same chat', async () => {
    const panel = await engram.context.newPage();
    await panel.goto(`chrome-extension://${engram.extensionId}/sidepanel.html`);
    const answer = panel.getByTestId('message').filter({ has: panel.getByTestId('citation') });
    await expect.poll(() => answer.count()).toBeGreaterThan(0);
    await expect
      .poll(() => answer.first().getByTestId('citation-title').first().textContent())
      .toContain(PEANUTS);
  });

  test('a question memory cannot answer gets a plain reply in its language and no sources', async () => {
    const page = await open('/ehow-1/source.html');
    const popup = await RealPopup.open(engram, page);
    await startNewChat(popup);
    await askInPopup(popup, 'What is the capital of Peru?');
    const english = await finishedAnswer(popup, 1);
    expect(english.text).toContain('Nothing you have saved is about that');
    expect(english.citations).toEqual([]);
    await askInPopup(popup, '秘鲁的首都是哪里？');
    const chinese = await finishedAnswer(popup, 2);
    expect(chinese.text).toContain('你保存的内容里没有与此相关的');
    expect(chinese.citations).toEqual([]);
    await popup.close();
  });

  test('right-click on a link or an image saves just that', async () => {
    const page = await open('/ehow-1/source.html');
    const imageUrl = await page.evaluate(
      () => document.querySelector<HTMLImageElement>('img[alt="Glass cloche terrariums"]')!.src,
    );
    const linkUrl = await page.evaluate(
      () => document.querySelector<HTMLAnchorElement>('a[href*="ehow-crafts"]')!.href,
    );
    await clickContextMenu(engram, page.url(), { menuItemId: 'save-image', srcUrl: imageUrl });
    await clickContextMenu(engram, page.url(), { menuItemId: 'save-link', linkUrl });
    const image = await waitFor('the image to be indexed', async () =>
      (await storedSources(engram)).find((s) => s.kind === 'image' && s.status === 'indexed'),
    );
    expect(image.text).toContain('Glass cloche terrariums');
    const link = await waitFor('the link to be indexed', async () =>
      (await storedSources(engram)).find((s) => s.kind === 'link' && s.status === 'indexed'),
    );
    expect(link.text).toContain('crafts');
    expect(link.text).toContain(linkUrl);
  });

  test('a page with a password field gives Engram its address only', async () => {
    const page = await open('/sign-in/index.html');
    const spied = await spyOnPageMessages(engram, page.url());
    await clickContextMenu(engram, page.url(), { menuItemId: 'save-page' });
    const source = await waitFor('the sign-in page to be kept', async () =>
      (await storedSources(engram)).find((s) => s.url === page.url() && s.status === 'indexed'),
    );
    // Not a word of the page: neither its article nor what is typed in its fields.
    expect(source.text).toBe(page.url());
    expect(source.title).toBe(page.url());
    expect(JSON.stringify(await storedSources(engram))).not.toMatch(/Skerryvore|hunter2/);
    // Nor did any reach the service worker: the page's reply (seen: it holds the address) is all.
    const sent = await spied();
    expect(sent.join('\n')).toContain(JSON.stringify(page.url()));
    expect(sent.join('\n')).not.toMatch(/Skerryvore|hunter2|lighthouse/i);
  });

  test('a blocklisted site is never read, not even by the content script', async () => {
    const before = (await storedSources(engram)).length;
    await setSiteRules(engram, [{ pattern: '127.0.0.1', policy: 'full' }]); // localhost: default, never
    const page = await open('/webmd-1/source.html', 'localhost');
    const spied = await spyOnPageMessages(engram, page.url());
    await page.bringToFront();
    await pressRememberShortcut(page);
    const sw = await serviceWorker(engram);
    const title = await waitFor('the refusal on the badge', async () => {
      const badge = await sw.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        const tabId = tab?.id ?? -1;
        return {
          text: await chrome.action.getBadgeText({ tabId }),
          title: await chrome.action.getTitle({ tabId }),
        };
      }, page.url());
      return badge.text === '!' ? badge.title : undefined;
    });
    expect(title).toMatch(/never keeps pages from this site/);
    // The content script was never injected: no notice could be shown on the page.
    expect(await page.evaluate(() => document.querySelector('engram-notice'))).toBeNull();
    expect(await storedSources(engram)).toHaveLength(before);
    // Zero bytes from the page reached the service worker.
    expect(await spied()).toEqual([]);
    await setSiteRules(engram, ALLOW_LOCAL);
  });

  test('"remember …" in the chat and "m …" in the address bar keep notes that answers find', async () => {
    const page = await open('/ehow-1/source.html');
    const popup = await RealPopup.open(engram, page);
    await waitFor('the chat to open', () =>
      popup.evaluate<boolean>(`!!document.querySelector('[data-testid="new-chat"]')`),
    );
    await popup.evaluate(`document.querySelector('[data-testid="new-chat"]').click()`);
    await askInPopup(popup, 'remember: the spare key is under the blue flowerpot');
    const noted = await finishedAnswer(popup, 1);
    expect(noted.text).toContain("I'll remember");
    await popup.close();

    const sw = await serviceWorker(engram);
    await sw.evaluate(() => {
      const event = chrome.omnibox.onInputEntered as unknown as {
        dispatch(text: string, disposition: string): void;
      };
      event.dispatch('Ana prefers jasmine tea over coffee', 'currentTab');
    });
    const notes = await waitFor('both notes to be indexed', async () => {
      const found = (await storedSources(engram)).filter(
        (s) => s.kind === 'note' && s.status === 'indexed',
      );
      return found.length === 2 ? found : undefined;
    });
    // Noted with a page open, a note ends with a line naming the page (issue 15).
    expect(notes.map((n) => n.text.split('\n\n')[0]).sort()).toEqual([
      'Ana prefers jasmine tea over coffee',
      'the spare key is under the blue flowerpot',
    ]);
    const inPopup = notes.find((n) => n.text.startsWith('the spare key'));
    expect(inPopup?.text).toMatch(
      /\n\nNoted while on the page “.+” \(http:\/\/127\.0\.0\.1:\d+\/ehow-1\/source\.html\)$/,
    );

    const again = await RealPopup.open(engram, page);
    await askInPopup(again, 'Where is the spare key?');
    const answer = await finishedAnswer(again, 2);
    expect(answer.citations[0]?.title).toBe('the spare key is under the blue flowerpot');
    await again.close();
  });
});

/** Press New chat in the popup and wait for the empty conversation. */
async function startNewChat(popup: RealPopup): Promise<void> {
  await waitFor('the chat to open', () =>
    popup.evaluate<boolean>(`!!document.querySelector('[data-testid="new-chat"]')`),
  );
  await popup.evaluate(`document.querySelector('[data-testid="new-chat"]').click()`);
  await waitFor('an empty new chat', async () =>
    (await popup.evaluate<RenderedMessage[]>(READ_MESSAGES)).length === 0 ? true : undefined,
  );
}
