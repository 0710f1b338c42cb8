/**
 * The user's privacy controls in real Chromium (fixtures build): a pause holds across a browser
 * restart and reads nothing from the page (no content script is even injected), the badge shows
 * it, a timed pause ends by itself through an alarm even after the service worker was stopped,
 * and resuming saves again.
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clickContextMenu,
  launchEngram,
  pressRememberShortcut,
  putSetting,
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
const PAUSED_BADGE = '⏸';

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
    await popup.evaluate(`(() => {
      const select = document.querySelector('[data-testid="pause-choice"]');
      select.focus();
      select.value = ${JSON.stringify(choice)};
      select.dispatchEvent(new Event('change', { bubbles: true }));
      document.querySelector('[data-testid="pause"]').click();
    })()`);
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

describe('pausing capture', () => {
  const profile = tempProfile();
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let engram: Engram;

  beforeAll(async () => {
    server = await serveFolder(PAGES);
    engram = await launchEngram(profile.dir);
    await setSiteRules(engram, ALLOW_LOCAL);
  });

  afterAll(async () => {
    await engram?.close();
    await server?.close();
    profile.remove();
  });

  const origin = (host: string) => server.origin.replace('127.0.0.1', host);

  async function open(path: string, host = '127.0.0.1'): Promise<Page> {
    const page = await engram.context.newPage();
    await page.goto(`${origin(host)}${path}`, { waitUntil: 'domcontentloaded' });
    await page.bringToFront();
    return page;
  }

  // On localhost the fixtures build has no host permission, so only the real shortcut's activeTab
  // grant lets Engram run code in the page, and any isolated world there is Engram's capture.
  test('paused until resumed: nothing read, also after a restart; resume saves again', async () => {
    const url = `${origin('localhost')}/article.html`;
    let page = await open('/article.html', 'localhost');
    expect(await badgeText(engram)).toBe('');
    await choosePauseInPopup(engram, page, 'resume-manually');
    expect(await badgeText(engram)).toBe(PAUSED_BADGE);

    let injections = await watchInjections(page, engram.extensionId);
    await pressRememberShortcut(page);
    // The refusal shows on the tab's badge, with the reason in its title.
    await waitFor('the refusal on the badge', async () => (await badgeText(engram, url)) === '!');
    expect(await badgeTitle(engram, url)).toMatch(/paused/i);
    // ...and then the tab shows the pause again, not a blank badge.
    await waitFor(
      'the tab to show the pause again',
      async () => (await badgeText(engram, url)) === PAUSED_BADGE,
      10_000,
    );
    expect(injections.count()).toBe(0);
    expect(await storedSources(engram)).toEqual([]);
    await injections.stop();

    // A browser restart on the same profile: still paused, and the badge says so at once.
    await engram.close();
    engram = await launchEngram(profile.dir);
    await waitFor('the pause badge after the restart', async () =>
      (await badgeText(engram)) === PAUSED_BADGE ? true : undefined,
    );
    page = await open('/article.html', 'localhost');
    injections = await watchInjections(page, engram.extensionId);
    await pressRememberShortcut(page);
    await waitFor('the refusal on the badge', async () => (await badgeText(engram, url)) === '!');
    expect(injections.count()).toBe(0);
    expect(await storedSources(engram)).toEqual([]);

    expect(await resumeInPopup(engram, page)).toMatch(/until you resume/);
    expect(await badgeText(engram)).toBe('');
    await page.bringToFront();
    await pressRememberShortcut(page);
    const saved = await waitFor('the page to be saved after resuming', async () =>
      (await storedSources(engram)).find((s) => s.title.includes('Skerryvore')),
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
    await putSetting(engram, 'pause', { since: now, until: now + 12_000 });
    // Stop the worker; an extension page wakes a fresh one, which paints the badge from the stored
    // pause and sets the alarm (Playwright keeps listing the stopped worker: do not use it).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const settings = await engram.context.newPage();
    await settings.goto(`chrome-extension://${engram.extensionId}/settings.html`);
    await waitFor('the settings page to show the pause', () =>
      settings.locator('[data-testid="pause-state"]').isVisible(),
    );
    const url = `${server.origin}/second.html`;
    await clickContextMenu(engram, url, { menuItemId: 'save-page' });
    await waitFor('the pause badge', async () => (await badgeText(engram)) === PAUSED_BADGE);
    expect((await storedSources(engram)).some((s) => s.title.includes('Samphire'))).toBe(false);
    await waitFor('the badge to clear when the pause ends', async () =>
      (await badgeText(engram)) === '' ? true : undefined,
    );
    // The settings page follows the clock too: it offers a pause again.
    await waitFor('the settings page to offer a pause', () =>
      settings.locator('[data-testid="pause"]').isVisible(),
    );
    await clickContextMenu(engram, url, { menuItemId: 'save-page' });
    await waitFor('the page to be saved once the pause is over', async () =>
      (await storedSources(engram)).find((s) => s.title.includes('Samphire')),
    );
  });
});
