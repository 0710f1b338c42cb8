/**
 * The user's privacy controls in real Chromium (fixtures build): a pause holds across a browser
 * restart and reads nothing from the page (no content script is even injected), the badge shows
 * it, a timed pause ends by itself through an alarm even after the service worker was stopped,
 * and resuming saves again.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  askInPopup,
  clickContextMenu,
  finishedAnswer,
  launchEngram,
  pressRememberShortcut,
  putSetting,
  readTable,
  RealPopup,
  ROOT,
  serveFolder,
  serviceWorker,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { ALLOW_LOCAL, setSiteRules } from './site-rules';

const PAGES = resolve(ROOT, 'tests/fixtures/privacy-pages');
const PAUSED_BADGE = 'II';

/** The badge text a tab shows (its own flash, else the global one). */
async function badgeText(engram: Engram, pageUrl?: string): Promise<string> {
  const sw = await serviceWorker(engram);
  return sw.evaluate(async (url) => {
    if (url === undefined) return chrome.action.getBadgeText({});
    const [tab] = await chrome.tabs.query({ url });
    return chrome.action.getBadgeText({ tabId: tab?.id });
  }, pageUrl);
}

async function badgeTitle(engram: Engram, pageUrl: string): Promise<string> {
  const sw = await serviceWorker(engram);
  return sw.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return chrome.action.getTitle({ tabId: tab?.id });
  }, pageUrl);
}

/**
 * Counts the extension's isolated worlds created in a page: each injection of Engram's content
 * script makes one. Zero means Engram ran no code in the page, so read nothing from it.
 */
async function watchInjections(page: Page, extensionId: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let count = 0;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin.includes(extensionId)) count += 1;
  });
  await cdp.send('Runtime.enable');
  return { count: () => count, stop: () => cdp.detach() };
}

async function choosePauseInPopup(engram: Engram, page: Page, choice: string): Promise<void> {
  const popup = await RealPopup.open(engram, page);
  try {
    await waitFor('the pause control', () =>
      popup.evaluate<boolean>(`!!document.querySelector('[data-testid="pause"]')`),
    );
    // The pause menu button opens its menu; the choice is one of its items.
    await popup.evaluate(`document.querySelector('[data-testid="pause"]').click()`);
    await waitFor('the pause menu', () =>
      popup.evaluate<boolean>(`!!document.querySelector('[data-testid="pause-menu"]')`),
    );
    await popup.evaluate(
      `document.querySelector('[data-testid="pause-choice"][data-choice=${JSON.stringify(choice)}]').click()`,
    );
    await waitFor('the popup to say it is paused', () =>
      popup.evaluate<boolean>(`!!document.querySelector('[data-testid="pause-state"]')`),
    );
  } finally {
    await popup.close();
  }
}

async function resumeInPopup(engram: Engram, page: Page): Promise<string> {
  const popup = await RealPopup.open(engram, page);
  try {
    const state = await waitFor('the paused state in the popup', () =>
      popup.evaluate<string | null>(
        `document.querySelector('[data-testid="pause-state"]')?.textContent ?? null`,
      ),
    );
    await popup.evaluate(`document.querySelector('[data-testid="resume"]').click()`);
    await waitFor('the popup to offer a pause again', () =>
      popup.evaluate<boolean>(`!!document.querySelector('[data-testid="pause"]')`),
    );
    return state;
  } finally {
    await popup.close();
  }
}

interface Fresh {
  profile: ReturnType<typeof tempProfile>;
  server: Awaited<ReturnType<typeof serveFolder>>;
  engram: Engram;
}

/** A fresh profile with Engram, the fixture pages served, and local addresses allowed. */
function freshEngram(): Fresh {
  const ctx = { profile: tempProfile() } as Fresh;
  beforeAll(async () => {
    ctx.server = await serveFolder(PAGES);
    ctx.engram = await launchEngram(ctx.profile.dir);
    await setSiteRules(ctx.engram, ALLOW_LOCAL);
  });
  afterAll(async () => {
    await ctx.engram?.close();
    await ctx.server?.close();
    ctx.profile.remove();
  });
  return ctx;
}

describe('pausing capture', () => {
  const ctx = freshEngram();

  const origin = (host: string) => ctx.server.origin.replace('127.0.0.1', host);

  async function open(path: string, host = '127.0.0.1'): Promise<Page> {
    const page = await ctx.engram.context.newPage();
    await page.goto(`${origin(host)}${path}`, { waitUntil: 'domcontentloaded' });
    await page.bringToFront();
    return page;
  }

  // On localhost the fixtures build has no host permission, so only the real shortcut's activeTab
  // grant lets Engram run code in the page, and any isolated world there is Engram's capture.
  test('paused until resumed: nothing read, also after a restart; resume saves again', async () => {
    const url = `${origin('localhost')}/article.html`;
    let page = await open('/article.html', 'localhost');
    expect(await badgeText(ctx.engram)).toBe('');
    await choosePauseInPopup(ctx.engram, page, 'resume-manually');
    expect(await badgeText(ctx.engram)).toBe(PAUSED_BADGE);

    let injections = await watchInjections(page, ctx.engram.extensionId);
    await pressRememberShortcut(page);
    // The refusal shows on the tab's badge, with the reason in its title.
    await waitFor(
      'the refusal on the badge',
      async () => (await badgeText(ctx.engram, url)) === '!',
    );
    expect(await badgeTitle(ctx.engram, url)).toMatch(/paused/i);
    // ...and then the tab shows the pause again, not a blank badge.
    await waitFor(
      'the tab to show the pause again',
      async () => (await badgeText(ctx.engram, url)) === PAUSED_BADGE,
      10_000,
    );
    expect(await badgeTitle(ctx.engram, url)).toBe('Engram — Paused until you resume');
    expect(injections.count()).toBe(0);
    expect(await storedSources(ctx.engram)).toEqual([]);
    await injections.stop();

    // A browser restart on the same profile: still paused, and the badge says so at once.
    await ctx.engram.close();
    ctx.engram = await launchEngram(ctx.profile.dir);
    await waitFor('the pause badge after the restart', async () =>
      (await badgeText(ctx.engram)) === PAUSED_BADGE ? true : undefined,
    );
    page = await open('/article.html', 'localhost');
    injections = await watchInjections(page, ctx.engram.extensionId);
    await pressRememberShortcut(page);
    await waitFor(
      'the refusal on the badge',
      async () => (await badgeText(ctx.engram, url)) === '!',
    );
    expect(injections.count()).toBe(0);
    expect(await storedSources(ctx.engram)).toEqual([]);

    expect(await resumeInPopup(ctx.engram, page)).toMatch(/until you resume/);
    expect(await badgeText(ctx.engram)).toBe('');
    await page.bringToFront();
    await pressRememberShortcut(page);
    const saved = await waitFor('the page to be saved after resuming', async () =>
      (await storedSources(ctx.engram)).find((s) => s.title.includes('Skerryvore')),
    );
    expect(saved.text).toContain('granite tower');
    // The detector above can see an injection: this capture made one.
    expect(injections.count()).toBeGreaterThan(0);
    await injections.stop();
  });

  test('a timed pause ends by itself, even with the service worker stopped meanwhile', async () => {
    const page = await open('/second.html');
    const now = Date.now();
    // As "for 1 hour" stores it, but ending in a few seconds.
    await putSetting(ctx.engram, 'pause', { since: now, until: now + 15_000 });
    // Stop the worker; an extension page wakes a fresh one, which paints the badge from the stored
    // pause and sets the alarm (Playwright keeps listing the stopped worker: do not use it).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const settings = await ctx.engram.context.newPage();
    await settings.goto(`chrome-extension://${ctx.engram.extensionId}/settings.html`);
    await waitFor('the settings page to show the pause', () =>
      settings.locator('[data-testid="pause-state"]').isVisible(),
    );
    const url = `${ctx.server.origin}/second.html`;
    await clickContextMenu(ctx.engram, url, { menuItemId: 'save-page' });
    await waitFor('the pause badge', async () => (await badgeText(ctx.engram)) === PAUSED_BADGE);
    expect((await storedSources(ctx.engram)).some((s) => s.title.includes('Samphire'))).toBe(false);
    await waitFor('the badge to clear when the pause ends', async () =>
      (await badgeText(ctx.engram)) === '' ? true : undefined,
    );
    // The tab that showed the refusal follows (once its few seconds of "!" are over), title too.
    await waitFor('the tab badge and title back to normal', async () =>
      (await badgeText(ctx.engram, url)) === '' &&
      (await badgeTitle(ctx.engram, url)) === 'Engram — ask your memory'
        ? true
        : undefined,
    );
    // The settings page follows the clock too: it offers a pause again.
    await waitFor('the settings page to offer a pause', () =>
      settings.locator('[data-testid="pause"]').isVisible(),
    );
    await clickContextMenu(ctx.engram, url, { menuItemId: 'save-page' });
    await waitFor('the page to be saved once the pause is over', async () =>
      (await storedSources(ctx.engram)).find((s) => s.title.includes('Samphire')),
    );
  });
});

describe('the site-rules editor', () => {
  const ctx = freshEngram();

  const siteRules = async () =>
    (await readTable<{ key: string; value: unknown }>(ctx.engram, 'settings')).find(
      (row) => row.key === 'siteRules',
    )?.value;

  async function askAbout(page: Page, question: string) {
    const popup = await RealPopup.open(ctx.engram, page);
    try {
      // A new chat each time: the answer is then the first one shown.
      await waitFor('the new-chat button', () =>
        popup.evaluate<boolean>(`!!document.querySelector('[data-testid="new-chat"]')`),
      );
      await popup.evaluate(`document.querySelector('[data-testid="new-chat"]').click()`);
      await askInPopup(popup, question);
      return await finishedAnswer(popup, 1);
    } finally {
      await popup.close();
    }
  }

  test('a rule typed in settings refuses the site, and deletes what was kept from it', async () => {
    const url = `${ctx.server.origin}/article.html`;
    const page = await ctx.engram.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await clickContextMenu(ctx.engram, url, { menuItemId: 'save-page' });
    await waitFor('the article to be indexed', async () =>
      (await storedSources(ctx.engram)).find(
        (s) => s.title.includes('Skerryvore') && s.status === 'indexed',
      ),
    );
    const question = 'Who were the keepers of Skerryvore lighthouse?';
    const before = await askAbout(page, question);
    expect(before.citations.map((c) => c.title).join(' ')).toContain('Skerryvore');

    const settings = await ctx.engram.context.newPage();
    await settings.goto(`chrome-extension://${ctx.engram.extensionId}/settings.html`);
    const pattern = settings.getByTestId('site-rule-pattern');
    // Bad input: a clear error, and nothing stored.
    await pattern.fill('not a site!');
    await pattern.press('Enter');
    await expect
      .poll(() => settings.getByTestId('site-rule-error').textContent())
      .toMatch(/no spaces/);
    expect(await siteRules()).toEqual(ALLOW_LOCAL);

    // By keyboard: type the site, Tab to the rule, choose Never, Enter.
    const port = new URL(ctx.server.origin).port;
    await pattern.fill(`127.0.0.1:${port}`);
    await pattern.press('Tab');
    await settings.keyboard.press('Home'); // "Never" is the first choice
    await pattern.press('Enter');
    await expect.poll(siteRules).toContainEqual({ pattern: `127.0.0.1:${port}`, policy: 'never' });
    const offer = settings.getByTestId('forget-offer');
    await expect.poll(() => offer.textContent()).toMatch(/1 page from 127\.0\.0\.1:\d+ is already/);
    await settings.getByTestId('forget-confirm').click();
    await expect.poll(() => offer.textContent()).toMatch(/Deleted 1 page/);
    expect((await storedSources(ctx.engram)).some((s) => s.title.includes('Skerryvore'))).toBe(
      false,
    );
    const after = await askAbout(page, question);
    expect(after.citations.map((c) => c.title).join(' ')).not.toContain('Skerryvore');

    // The rule holds: a capture there is refused, and nothing is stored.
    await clickContextMenu(ctx.engram, url, { menuItemId: 'save-page' });
    await waitFor(
      'the refusal on the badge',
      async () => (await badgeText(ctx.engram, url)) === '!',
    );
    expect(await badgeTitle(ctx.engram, url)).toMatch(/never keeps pages from this site/);
    expect(await storedSources(ctx.engram)).toEqual([]);

    // The default blocklist is there to edit: allow one of its entries.
    await settings.getByText(/^Banks and payments/).click();
    const paypal = settings.locator('[data-testid="default-rule"][data-pattern="paypal.com"]');
    await paypal.getByTestId('default-rule-allow').click();
    await expect.poll(siteRules).toContainEqual({ pattern: 'paypal.com', policy: 'full' });
    await expect.poll(() => paypal.getByTestId('default-rule-state').textContent()).toMatch(/full/);
  });
});

/** Serves the fixture PDF as a web server would, `application/pdf`, on a random port. */
async function servePdf(): Promise<{ port: number; close(): Promise<void> }> {
  const pdf = readFileSync(resolve(PAGES, 'tide-notes.pdf'));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The PDF server has no address');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((done) => {
        // The browser is still open and keeps its connections alive: close them, or close() waits.
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

describe('PDFs', () => {
  const ctx = freshEngram();
  const PDF_TITLE = 'Tide Notes for the Menai Strait';

  // Debian's headless Chromium shows a PDF in its viewer, as Chrome does (not a download): the
  // tab's document has the type application/pdf and its text is not in the DOM.
  test('a PDF open in a tab is saved, read by pdf.js, and found by a question', async () => {
    const server = await servePdf();
    try {
      const url = `http://127.0.0.1:${server.port}/docs/tide-notes.pdf`;
      const page = await ctx.engram.context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.contentType)).toBe('application/pdf');
      await clickContextMenu(ctx.engram, url, { menuItemId: 'save-page' });
      const source = await waitFor(
        'the PDF to be indexed',
        async () =>
          (await storedSources(ctx.engram)).find(
            (s) => s.title === PDF_TITLE && s.status === 'indexed',
          ),
        90_000,
      );
      expect(source.text).toContain(
        'Slack water at the swellies comes about two hours before high water at Liverpool.',
      );
      expect(source.text).toContain('Plas Newydd'); // the second page too

      const popup = await RealPopup.open(ctx.engram, page);
      try {
        await askInPopup(popup, 'When is slack water at the swellies in the Menai Strait?');
        const answer = await finishedAnswer(popup, 1);
        expect(answer.citations[0]?.title).toBe(PDF_TITLE);
      } finally {
        await popup.close();
      }

      // As shipped: no host access to the site, only the real shortcut's activeTab grant.
      const local = await ctx.engram.context.newPage();
      await local.goto(`http://localhost:${server.port}/other/tide-notes.pdf`, {
        waitUntil: 'load',
      });
      await local.bringToFront();
      await pressRememberShortcut(local);
      await waitFor('the PDF to be seen again through the shortcut', async () =>
        (await storedSources(ctx.engram)).find((s) => s.title === PDF_TITLE && s.seenCount === 2),
      );
    } finally {
      await server.close();
    }
  });
});
