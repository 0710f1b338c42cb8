/**
 * The list of conversations and the actions under an answer (issue 15), in real Chromium with the
 * fixtures build. Two pages served under public-looking host names are saved with the real
 * shortcut; two questions are asked in two conversations in the popup (popup.html in a tab of
 * popup size, so Playwright can click it); the list is opened from the header, searched, one
 * conversation renamed (and the new title read back from IndexedDB and from an export line) and
 * the other deleted after its confirmation. An answer is copied and the clipboard read back.
 * A follow-up ("that article", "那篇文章") cites the page its conversation was about, and "What
 * was searched" under the answer shows the question with the article's title filled in.
 * Stop: the fixture model ends its fixed reply after 53 tokens, too fast for a hand, so the test
 * build's `generationMinTokens` makes it write thousands of tokens; Stop is pressed while it
 * writes, and the stored answer must stop growing, marked stopped. Screenshots of the list in the
 * popup and the side panel, light and dark, English and Chinese, go to ENGRAM_CONVERSATION_SHOTS
 * (default test-artifacts/conversations).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  launchEngram,
  pressRememberShortcut,
  putSetting,
  readTable,
  ROOT,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';

const SHOTS =
  process.env.ENGRAM_CONVERSATION_SHOTS ?? resolve(ROOT, 'test-artifacts/conversations');
const HOST = 'tides.example-news.org';
const HOST_RULES = `--host-resolver-rules=MAP ${HOST} 127.0.0.1`;

const article = (title: string, paragraphs: readonly string[]) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;

const PAGES: Record<string, string> = {
  '/tides.html': article('Why the sea rises twice a day', [
    'The moon pulls the oceans toward it, and the tides rise twice a day on most coasts.',
    'Spring tides come when the sun and the moon line up; neap tides when they stand at right angles.',
    'Tide tables print the hour of each high tide for every harbour along the coast.',
  ]),
  '/batteries.html': article('Solid-state batteries explained', [
    'Solid-state batteries replace the liquid electrolyte with a solid ceramic or polymer layer.',
    'Their energy density can be higher, and a solid electrolyte does not catch fire as easily.',
    'Manufacturing solid-state batteries at scale is still expensive and slow.',
  ]),
};

async function serve(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const html = PAGES[req.url ?? ''] ?? PAGES['/tides.html']!;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port };
}

async function allowHost(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname === HOST,
    (route) => route.continue(),
  );
}

interface StoredMessage {
  id: string;
  conversationId: string;
  role: string;
  text: string;
  status: string;
  stopped?: true;
}
interface StoredConversation {
  id: string;
  title: string;
  updatedAt: number;
}

const answers = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');

/** Ask in the open chat and wait for the `count`-th answer of the conversation to finish. */
async function ask(page: Page, question: string, count: number): Promise<void> {
  await page.locator('[data-testid="question"]').fill(question);
  await page.locator('[data-testid="ask"]').click();
  await waitFor(
    `answer #${count} to "${question}"`,
    async () => {
      const status = await answers(page)
        .nth(count - 1)
        .getAttribute('data-status', { timeout: 500 });
      return status === 'done' || status === 'error';
    },
    90_000,
  );
}

async function openPopup(engram: Engram, path = 'popup.html'): Promise<Page> {
  const page = await engram.context.newPage();
  await page.setViewportSize({ width: 400, height: 560 });
  await page.goto(`chrome-extension://${engram.extensionId}/${path}`);
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(250); // the panel's slide-in
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('conversations and answer actions', () => {
  const profile = tempProfile();
  let served: { server: Server; port: number };
  let engram: Engram;

  beforeAll(async () => {
    served = await serve();
    engram = await launchEngram(profile.dir, undefined, { args: [HOST_RULES] });
    await allowHost(engram.context);
    for (const [path, title] of [
      ['/tides.html', 'sea rises'],
      ['/batteries.html', 'Solid-state'],
    ] as const) {
      const tab = await engram.context.newPage();
      await tab.goto(`http://${HOST}:${served.port}${path}`, { waitUntil: 'load' });
      await tab.bringToFront();
      await pressRememberShortcut(tab);
      await waitFor(
        `"${title}" to be indexed`,
        async () =>
          (await storedSources(engram)).some(
            (s) => s.kind === 'page' && s.title.includes(title) && s.status === 'indexed',
          ),
        60_000,
      );
      await tab.close();
    }
  }, 180_000);

  afterAll(async () => {
    await engram?.close();
    served?.server.close();
    profile.remove();
  });

  test('two conversations: copy, list, search, rename, delete', async () => {
    const popup = await openPopup(engram);
    await ask(popup, 'Why do the tides rise twice a day?', 1);
    await popup.locator('[data-testid="new-chat"]').click();
    await ask(popup, 'Are solid-state batteries safer?', 1);

    // Copy: the answer with its sources, and a visible confirmation.
    const answer = answers(popup).last();
    const answerText = (await answer.locator('[data-testid="answer-text"]').textContent()) ?? '';
    // What the page hands to the clipboard, recorded on its way (the call goes through): the
    // clipboard itself cannot be read back here (no clipboardRead permission, and Chromium
    // grants none to an extension origin from the test).
    await popup.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        (window as unknown as { copiedText: string }).copiedText = text;
        return write(text);
      };
    });
    await popup.bringToFront();
    await answer.locator('[data-testid="answer-copy"]').click();
    await expect
      .poll(() => answer.locator('[data-testid="answer-copied"]').textContent())
      .toBe('Copied');
    const copied = await popup.evaluate(
      () => (window as unknown as { copiedText: string }).copiedText,
    );
    expect(copied.startsWith(answerText.trim().slice(0, 20))).toBe(true);
    expect(copied).toContain('\n\nSources:\n[1] Solid-state batteries explained — http://');
    expect(copied).toContain(`${HOST}:${served.port}/batteries.html`);

    // The list, from the header, newest first.
    await popup.locator('[data-testid="open-conversations"]').click();
    const rows = popup.locator('[data-testid="conversation"]');
    await expect.poll(() => rows.count()).toBe(2);
    const titles = () => rows.locator('[data-testid="conversation-title"]').allTextContents();
    expect(await titles()).toEqual([
      'Are solid-state batteries safer?',
      'Why do the tides rise twice a day?',
    ]);
    // The search box has the focus; typing filters as it goes.
    await popup.keyboard.type('tides');
    await expect.poll(titles).toEqual(['Why do the tides rise twice a day?']);
    await popup.locator('[data-testid="conversation-search"]').fill('no such words');
    await expect.poll(() => rows.count()).toBe(0);
    await expect
      .poll(() => popup.locator('[data-testid="conversation-list-empty"]').isVisible())
      .toBe(true);
    await popup.locator('[data-testid="conversation-search"]').fill('');
    await expect.poll(() => rows.count()).toBe(2);
    if (SHOTS) await shoot(popup, 'popup-list-en');

    // Rename inline: Enter keeps it; the new title is stored and exported.
    const tides = rows.nth(1);
    await tides.locator('[data-testid="conversation-rename"]').click();
    const input = tides.locator('[data-testid="conversation-rename-input"]');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('Moon and sea');
    await input.press('Enter');
    await expect.poll(titles).toEqual(['Are solid-state batteries safer?', 'Moon and sea']);
    const stored = await readTable<StoredConversation>(engram, 'conversations');
    expect(stored.map((c) => c.title).sort()).toEqual([
      'Are solid-state batteries safer?',
      'Moon and sea',
    ]);
    await popup.locator('[data-testid="conversation-search"]').fill('moon and');
    await expect.poll(titles).toEqual(['Moon and sea']);
    await popup.locator('[data-testid="conversation-search"]').fill('');

    // Delete the other one, after its confirmation.
    const batteries = rows.first();
    await batteries.locator('[data-testid="conversation-delete"]').click();
    await batteries.locator('[data-testid="conversation-delete-confirm"]').click();
    await expect.poll(titles).toEqual(['Moon and sea']);
    expect((await readTable<StoredConversation>(engram, 'conversations')).length).toBe(1);

    // Open the renamed one from the list: its question and answer are back on screen.
    await rows.first().locator('[data-testid="conversation-open"]').click();
    await expect.poll(() => popup.locator('[data-testid="conversation-list"]').count()).toBe(0);
    await expect
      .poll(() => popup.locator('[data-testid="message"][data-role="user"]').allTextContents())
      .toEqual(['Why do the tides rise twice a day?']);

    // Regenerate: the same question is answered again, in place.
    const before = await readTable<StoredMessage>(engram, 'messages');
    await answers(popup).first().locator('[data-testid="answer-regenerate"]').click();
    await waitFor(
      'the answer written again',
      async () => {
        const row = (await readTable<StoredMessage>(engram, 'messages')).find(
          (m) => m.role === 'assistant',
        );
        return row?.status === 'done' && row.text !== '' ? row : undefined;
      },
      60_000,
    );
    const after = await readTable<StoredMessage>(engram, 'messages');
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    await popup.close();
  }, 240_000);

  test('a follow-up cites the page of its conversation and shows what was searched', async () => {
    const popup = await openPopup(engram);
    await popup.locator('[data-testid="new-chat"]').click();
    await ask(popup, 'Are solid-state batteries safer?', 1);
    const TITLE = 'Solid-state batteries explained';
    const checkFollowUp = async (question: string, count: number, searched: string) => {
      await ask(popup, question, count);
      const answer = answers(popup).nth(count - 1);
      expect(await answer.getAttribute('data-status')).toBe('done');
      expect(await answer.locator('[data-testid="citation-title"]').first().textContent()).toBe(
        TITLE,
      );
      // Folded away until opened: the question as it was searched, with "that article" named.
      const query = answer.locator('[data-testid="searched-query"]');
      expect(await query.isVisible()).toBe(false);
      await answer.locator('[data-testid="searched-for"] summary').click();
      await expect.poll(() => query.isVisible()).toBe(true);
      expect(await query.textContent()).toBe(searched);
    };
    await checkFollowUp(
      'What does that article say about manufacturing?',
      2,
      `Searched for: What does "${TITLE}" say about manufacturing?`,
    );
    await checkFollowUp(
      '那篇文章说大规模制造贵不贵？',
      3,
      `搜索内容：“${TITLE}”说大规模制造贵不贵？`,
    );
    await popup.close();
  }, 240_000);

  test('Stop ends the generation while it writes; the words so far stay, marked stopped', async () => {
    // Thousands of tokens: seconds of writing to press Stop in (test builds only).
    await putSetting(engram, 'generationMinTokens', 4_000);
    const popup = await openPopup(engram);
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({
        engram: 1,
        target: 'background',
        type: 'engine/restart',
        payload: {},
      }),
    );
    await popup.locator('[data-testid="new-chat"]').click();
    await popup.locator('[data-testid="question"]').fill('What do tide tables print?');
    await popup.locator('[data-testid="ask"]').click();
    const answer = answers(popup).last();
    await waitFor(
      'the model to be writing',
      async () => {
        return (
          (await answer.getAttribute('data-mode', { timeout: 500 })) === 'generated' &&
          (await answer.getAttribute('data-status', { timeout: 500 })) === 'generating'
        );
      },
      90_000,
    );
    await answer.locator('[data-testid="answer-stop"]').click();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    await expect
      .poll(() => answer.locator('[data-testid="answer-stopped"]').isVisible())
      .toBe(true);
    const stoppedRow = async () =>
      (await readTable<StoredMessage>(engram, 'messages')).find(
        (m) => m.role === 'assistant' && m.stopped,
      );
    const first = await waitFor('the stopped answer', stoppedRow);
    expect(first.text.startsWith('This is a fixed reply')).toBe(true);
    // The model really stopped: nothing more is written after the stop.
    await popup.waitForTimeout(3_000);
    const later = await stoppedRow();
    expect(later?.text).toBe(first.text);
    expect(new TextEncoder().encode(first.text).length).toBeLessThan(3_000);
    await putSetting(engram, 'generationMinTokens', 0);
    await popup.close();
  }, 300_000);

  test('screenshots: the list in the side panel', async () => {
    const panel = await engram.context.newPage();
    await panel.setViewportSize({ width: 420, height: 760 });
    await panel.goto(`chrome-extension://${engram.extensionId}/sidepanel.html`);
    await panel.locator('[data-testid="open-conversations"]').click();
    // The renamed one, and the stopped one when the Stop test ran.
    await expect
      .poll(() => panel.locator('[data-testid="conversation-title"]').allTextContents())
      .toContain('Moon and sea');
    await shoot(panel, 'sidepanel-list-en');
    await panel.close();
  }, 60_000);
});

describe('the list in Chinese', () => {
  const profile = tempProfile();
  let engram: Engram;

  beforeAll(async () => {
    engram = await launchEngram(profile.dir, undefined, { args: ['--lang=zh-CN'] });
  }, 60_000);

  afterAll(async () => {
    await engram?.close();
    profile.remove();
  });

  test('screenshots of the popup and the side panel with the list open', async () => {
    const popup = await openPopup(engram);
    await ask(popup, '潮汐为什么一天涨两次？', 1);
    await popup.locator('[data-testid="new-chat"]').click();
    await ask(popup, '固态电池更安全吗？', 1);
    await popup.locator('[data-testid="open-conversations"]').click();
    await expect
      .poll(() => popup.locator('[data-testid="conversation-list"] h2').textContent())
      .toBe('对话');
    await popup.locator('[data-testid="conversation-search"]').fill('潮汐');
    await expect
      .poll(() => popup.locator('[data-testid="conversation-title"]').allTextContents())
      .toEqual(['潮汐为什么一天涨两次？']);
    await popup.locator('[data-testid="conversation-search"]').fill('');
    await shoot(popup, 'popup-list-zh');
    await popup.close();

    const panel = await openPopup(engram, 'sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 760 });
    await panel.locator('[data-testid="open-conversations"]').click();
    await panel.locator('[data-testid="conversation-rename"]').first().click();
    await shoot(panel, 'sidepanel-list-zh-renaming');
    await panel.close();
  }, 180_000);
});
