/**
 * A user's first day with Engram (issue 10), in real Chromium with the fixtures build, one profile
 * from install to a Chinese-language browser:
 * 1. Install opens the welcome page: what Engram keeps and never keeps, and how to save.
 * 2. The first save: an article opened under a public-looking host name (mapped to the local
 *    server; local addresses are on Engram's blocklist), read for a moment, then the real
 *    shortcut. The page is kept, and the glimpse of what was on screen waits for review.
 * 3. The first question, typed into the real popup and sent with Enter while that glimpse waits:
 *    answered from the article, which is cited once (page and glimpse are one memory).
 * 4. A question memory cannot answer gets a plain "nothing about that" and no sources.
 * 5. The same profile in a browser whose language is Chinese (--lang=zh-CN): the popup speaks
 *    Chinese, and a Chinese question about a Chinese page is answered with Chinese labels.
 * 6. A citation opens its page at the sentence that answered (a text fragment).
 * Screenshots of every step are kept as test artifacts in test-artifacts/first-day/ (or
 * ENGRAM_FIRST_DAY_SHOTS), light and dark, to be looked at by a person.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  finishedAnswer,
  launchEngram,
  pressRememberShortcut,
  READ_MESSAGES,
  RealPopup,
  ROOT,
  serveFolder,
  storedSources,
  tempProfile,
  waitFor,
  welcomePage,
  type Engram,
  type RenderedMessage,
} from './harness';

const PAGES = resolve(ROOT, 'tests/fixtures/e2e-pages');
/** A Chinese article (Traditional): tests/fixtures/pages/pixnet, from the corpus. */
const ZH_PAGES = resolve(ROOT, 'tests/fixtures/pages');
const SHOTS = process.env.ENGRAM_FIRST_DAY_SHOTS ?? resolve(ROOT, 'test-artifacts/first-day');
const HOST = 'news.example-site.com';
const ZH_HOST = 'blog.example-site.tw';
const PEANUTS = 'peanut';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Let the mapped hosts through the harness's block on everything but loopback. */
async function allowHosts(context: BrowserContext, hosts: readonly string[]): Promise<void> {
  await context.route(
    (url) => hosts.includes(url.hostname),
    (route) => route.continue(),
  );
}

async function shootPage(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: false });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function shootPopup(popup: RealPopup, name: string): Promise<void> {
  await popup.fitToContent();
  for (const scheme of ['light', 'dark'] as const) {
    await popup.colorScheme(scheme);
    await sleep(150);
    writeFileSync(join(SHOTS, `${name}-${scheme}.png`), await popup.screenshot());
  }
  await popup.colorScheme('light');
}

/** Type into the popup's question box and send it with the Enter key, as a person would. */
async function askWithEnter(popup: RealPopup, question: string): Promise<void> {
  await waitFor('the question box', () =>
    popup.evaluate<boolean>(`!!document.querySelector('[data-testid="question"]')`),
  );
  await popup.evaluate(`document.querySelector('[data-testid="question"]').focus()`);
  await popup.type(question);
  await popup.press('Enter', 'Enter', 13, '\r');
}

describe('the first day', () => {
  const profile = tempProfile();
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let zhServer: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;
  let article: Page;
  let answered: RenderedMessage;

  const launch = async (lang: string, keepWelcome: boolean) => {
    engram = await launchEngram(profile.dir, undefined, {
      args: [
        `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP ${ZH_HOST} 127.0.0.1`,
        `--lang=${lang}`,
      ],
      keepWelcome,
    });
    await allowHosts(engram.context, [HOST, ZH_HOST]);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await serveFolder(PAGES);
    zhServer = await serveFolder(ZH_PAGES);
    await launch('en-US', true);
  }, 60_000);

  afterAll(async () => {
    await engram?.close();
    await server?.close();
    await zhServer?.close();
    profile.remove();
  });

  test('install opens the welcome page, which says what is kept and how to save', async () => {
    const welcome = await welcomePage(engram.context, engram.extensionId, 15_000);
    expect(welcome, 'the welcome page opened').toBeDefined();
    await welcome!.getByTestId('welcome').waitFor();
    const text = await welcome!.getByTestId('welcome').innerText();
    expect(text).toMatch(/never keeps/i);
    expect(text).toMatch(/Alt\s*\+\s*Shift\s*\+\s*S/);
    await shootPage(welcome!, '1-welcome');
    await welcome!.close();
  });

  test('the first save: the real shortcut keeps the article and a glimpse waits for review', async () => {
    article = await engram.context.newPage();
    await article.goto(`${server.origin.replace('127.0.0.1', HOST)}/webmd-1/source.html`, {
      waitUntil: 'domcontentloaded',
    });
    await article.bringToFront();
    // Read a little of the article: a paragraph about peanuts in the middle of the screen.
    await article.evaluate(() =>
      [...document.querySelectorAll('p')]
        .find((p) => /peanut/i.test(p.textContent ?? '') && (p.textContent ?? '').length > 120)
        ?.scrollIntoView({ block: 'center' }),
    );
    await sleep(1_500);
    await pressRememberShortcut(article);
    const notice = await waitFor('the notice on the page', () =>
      article.evaluate(() => (document.querySelector('engram-notice') ? true : null)),
    );
    expect(notice).toBe(true);
    await shootPage(article, '2-first-save');
    const page = await waitFor('the article to be indexed', async () =>
      (await storedSources(engram)).find(
        (s) => s.kind === 'page' && s.url.includes(HOST) && s.status === 'indexed',
      ),
    );
    expect(page.text.toLowerCase()).toContain(PEANUTS);
    const glimpse = await waitFor('the glimpse held for review', async () =>
      (await storedSources(engram)).find((s) => s.kind === 'glimpse'),
    );
    expect(glimpse.status).not.toBe('indexed');
  });

  test('the first question, sent with Enter while the glimpse waits, cites the article once', async () => {
    const popup = await RealPopup.open(engram, article);
    await waitFor('the glimpse review', () =>
      popup.evaluate<boolean>(`!!document.querySelector('[data-testid="glimpse-review"]')`),
    );
    await askWithEnter(popup, 'Should babies eat peanuts early to avoid an allergy?');
    answered = await finishedAnswer(popup, 1);
    expect(answered.status).toBe('done');
    const messages = await popup.evaluate<RenderedMessage[]>(READ_MESSAGES);
    expect(messages.find((m) => m.role === 'user')?.text).toContain('babies eat peanuts');
    // The sentence that answered is quoted under its source.
    const quote = await popup.evaluate<string>(
      `document.querySelector('[data-testid="citation"] .citation-quote')?.textContent ?? ''`,
    );
    expect(quote.toLowerCase()).toContain(PEANUTS);
    // The page and its glimpse are one memory: one citation, not [1] and [2] for one article.
    expect(answered.citations).toHaveLength(1);
    expect(answered.citations[0]!.title.toLowerCase()).toContain(PEANUTS);
    await shootPopup(popup, '3-first-question');
    await popup.close();
  });

  test('a question memory cannot answer gets a plain reply and no sources', async () => {
    const popup = await RealPopup.open(engram, article);
    await askWithEnter(popup, 'What is the capital of Peru?');
    const reply = await finishedAnswer(popup, 2);
    expect(reply.text).toContain('Nothing you have saved is about that');
    expect(reply.citations).toEqual([]);
    await shootPopup(popup, '4-unanswerable');
    await popup.close();
  });

  test('in a Chinese-language browser the popup speaks Chinese, and a Chinese question gets Chinese labels', async () => {
    await engram.close();
    await launch('zh-CN', false);
    const page = await engram.context.newPage();
    await page.goto(`${zhServer.origin.replace('127.0.0.1', ZH_HOST)}/pixnet/source.html`, {
      waitUntil: 'domcontentloaded',
    });
    await page.bringToFront();
    await sleep(1_500);
    await pressRememberShortcut(page);
    await waitFor('the Chinese page to be indexed', async () =>
      (await storedSources(engram)).find(
        (s) => s.kind === 'page' && s.url.includes(ZH_HOST) && s.status === 'indexed',
      ),
    );
    const popup = await RealPopup.open(engram, page);
    const placeholder = await waitFor('the question box', () =>
      popup.evaluate<string>(`document.querySelector('[data-testid="question"]')?.placeholder`),
    );
    expect(placeholder).toMatch(/[\u4e00-\u9fff]/u);
    await askWithEnter(popup, '美樹營地楓紅期間的入園費是多少？');
    const reply = await finishedAnswer(popup, 3);
    expect(reply.status).toBe('done');
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(reply.citations[0]!.title).toContain('美樹營地');
    // Labels around the answer are Chinese: no English words outside the quoted passages.
    const labels = await popup.evaluate<string>(`(() => {
      const message = [...document.querySelectorAll('[data-testid="message"][data-role="assistant"]')].at(-1);
      const clone = message.cloneNode(true);
      clone.querySelectorAll('[data-testid="answer-text"], [data-testid="citation-title"], .citation-quote, .citation-meta').forEach((n) => n.remove());
      return clone.innerText;
    })()`);
    expect(labels).not.toMatch(/[A-Za-z]{3,}/);
    await shootPopup(popup, '5-chinese-browser');
    await popup.close();
  });

  test('a citation opens its page at the sentence that answered', async () => {
    const start = await engram.context.newPage();
    await start.goto(`${zhServer.origin.replace('127.0.0.1', ZH_HOST)}/pixnet/source.html`, {
      waitUntil: 'domcontentloaded',
    });
    await start.bringToFront();
    const popup = await RealPopup.open(engram, start);
    await waitFor('the first answer', () =>
      popup.evaluate<boolean>(`document.querySelectorAll('[data-testid="citation"]').length > 0`),
    );
    const opened = engram.context.waitForEvent('page');
    await popup.evaluate(
      `[...document.querySelectorAll('[data-testid="citation"]')].find((c) => c.querySelector('[data-testid="citation-title"]').textContent.toLowerCase().includes('${PEANUTS}')).click()`,
    );
    const tab = await opened;
    await tab.waitForLoadState('domcontentloaded');
    const url = new URL(tab.url());
    expect(url.hostname).toBe(HOST);
    const fragment = /:~:text=([^&]+)/.exec(url.hash)?.[1];
    expect(fragment, 'the link carries a text fragment').toBeDefined();
    // text=start,end or text=exact: each part is text of the page.
    const parts = fragment!.split(',').map((part) => decodeURIComponent(part));
    const pageText = (await tab.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
    for (const part of parts) expect(pageText).toContain(part.replace(/\s+/g, ' '));
    await sleep(500); // the browser scrolls to the fragment and marks it
    await shootPage(tab, '6-citation-opened');
    await popup.close();
  });
});
