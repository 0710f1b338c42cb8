/* global chrome, document, indexedDB */
// The headless run of `npm start`: with no screen to show, Engram is driven through its whole
// loop and every step is printed. A real page is remembered with the real shortcut, and a question
// is asked in the chat page; the answer and its sources are printed. Every wait is bounded and
// says what it waited for, so a run that cannot finish ends with a reason instead of hanging.
//
// This file imports only Node's built-ins (and ./setup.mjs, ./static-server.mjs, which do too):
// `npm start` loads it before or after installing the packages alike.
import { resolve } from 'node:path';
import { pressRememberShortcut, serveFolder } from './static-server.mjs';
import { ROOT } from './setup.mjs';

const QUESTION = 'Should babies eat peanuts early to avoid an allergy?';

/**
 * The page is served on 127.0.0.1, but Engram's default blocklist never keeps pages from local
 * addresses, as a user's would not be. It is opened under a public-looking name that Chromium
 * resolves to the local server instead, so it is saved the way any site would be: through the
 * activeTab grant of the shortcut (the fixtures build's host permission covers only 127.0.0.1).
 */
export const TOUR_HOST = 'news.example-site.com';
/** Flags for the browser the tour runs in. */
export const TOUR_BROWSER_FLAGS = [
  `--host-resolver-rules=MAP ${TOUR_HOST} 127.0.0.1`,
  // The tour prints what it sees in English, and reads the toolbar button's English words.
  '--lang=en-US',
];

/** How long each step may take before the tour gives up and says why. */
const LIMITS = {
  /** A page opening. */
  open: 30_000,
  /** The shortcut's outcome on the toolbar button ("saved", or why not). */
  shortcut: 20_000,
  /** The saved page reaching the memory count of the chat page. */
  memory: 30_000,
  /** The saved page being indexed (words, and meaning once the embedding model is ready). */
  indexing: 90_000,
  /** An answer, from the language model when it is ready, else from the saved passages. */
  answer: 120_000,
  /** The models leaving "loading" (ready, or failed to download). */
  models: 30_000,
};

/** A step of the tour that could not be done, and why. */
export class TourError extends Error {}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 * @returns {Promise<void>} rejects with a TourError that says which step failed and why
 */
export async function guidedTour(context, extensionId) {
  const server = await serveFolder(resolve(ROOT, 'tests/fixtures/e2e-pages'));
  // This machine may have no internet: the page's own images and scripts elsewhere fail at once
  // instead of holding up its load. (The engine's model downloads come from the extension's
  // offscreen document, which these routes do not see.)
  await context.route(
    (url) => /^https?:$/.test(url.protocol) && url.hostname !== TOUR_HOST,
    (route) => route.abort(),
  );
  try {
    // Engram opens its welcome page at install (Chromium reports an install at every launch with
    // --load-extension). Show what it says, then close it: the shortcut goes to the active tab.
    const welcome = await welcomePage(context, extensionId);
    if (welcome) {
      const heading = (await welcome.locator('h1').first().textContent())?.trim();
      console.log(`0. Engram opened its welcome page: “${heading}”`);
      await welcome.close();
    }
    const page = await context.newPage();
    const url = `${server.origin.replace('127.0.0.1', TOUR_HOST)}/webmd-1/source.html`;
    await bounded(
      page.goto(url, { waitUntil: 'domcontentloaded', timeout: LIMITS.open }),
      `${url} to open within ${LIMITS.open / 1000} s`,
    );
    console.log(`1. Opened ${url} — “${await page.title()}”`);

    await page.bringToFront();
    await pressRememberShortcut(page);
    const outcome = await shortcutOutcome(context, extensionId, url);
    if (!/^Engram — saved/.test(outcome)) {
      throw new TourError(`Pressing Alt+Shift+S did not save the page: ${outcome}`);
    }
    console.log(`2. Pressed Alt+Shift+S (Remember what I just saw): ${outcome}`);

    const chat = await context.newPage();
    const chatUrl = `chrome-extension://${extensionId}/sidepanel.html`;
    await bounded(
      chat.goto(chatUrl, { timeout: LIMITS.open }),
      `Engram's chat page to open within ${LIMITS.open / 1000} s`,
    );
    await bounded(
      chat.waitForFunction(
        () => Number(document.querySelector('[data-testid="memory-count"]')?.dataset.count) > 0,
        undefined,
        { timeout: LIMITS.memory },
      ),
      `the saved page to show in the memory count within ${LIMITS.memory / 1000} s`,
    );
    const indexed = await until(LIMITS.indexing, async () => {
      // The page itself; the glimpse saved with it waits for review in the popup (or its hold).
      const sources = await readTable(chat, 'sources');
      return sources.some((source) => source.url === url && source.status === 'indexed');
    });
    const state = indexed
      ? 'indexed'
      : `not indexed yet after ${LIMITS.indexing / 1000} s: the answer may miss it`;
    const count = (await chat.getByTestId('memory-count').textContent())?.trim();
    console.log(`3. Memory now holds: ${count} (${state})`);

    await chat.getByTestId('question').fill(QUESTION);
    await chat.getByTestId('ask').click();
    console.log(`4. Asked: “${QUESTION}”`);
    const answer = chat.locator('[data-testid="message"][data-role="assistant"]').last();
    const status = () => answer.getAttribute('data-status', { timeout: 1_000 });
    const finished = await until(LIMITS.answer, async () =>
      ['done', 'error'].includes((await status()) ?? ''),
    );
    if ((await status()) === 'error') {
      const why = (await answer.getByTestId('answer-error').textContent())?.trim();
      throw new TourError(`The question got no answer: ${why}`);
    }
    const text = (await answer.getByTestId('answer-text').textContent())?.trim() ?? '';
    if (text === '') {
      throw new TourError(
        finished
          ? 'The question got an empty answer.'
          : `No answer within ${LIMITS.answer / 1000} s (${await progressOf(answer)}).`,
      );
    }
    const mode = await answer.getAttribute('data-mode');
    // Past the limit with the passages already shown, the language model is still on its way.
    const how = finished
      ? mode === 'generated'
        ? 'written by the language model'
        : 'best passages from memory'
      : `best passages from memory; after ${LIMITS.answer / 1000} s the language model is still ` +
        `loading (${await progressOf(answer)}), and the tour does not wait for it`;
    console.log(`5. Answer (${how}):`);
    console.log(indent(text));
    for (const citation of await answer.getByTestId('citation').all()) {
      const n = await citation.getAttribute('data-n');
      const title = (await citation.getByTestId('citation-title').textContent())?.trim();
      console.log(`   [${n}] ${title}`);
    }

    console.log('6. Models:');
    for (const model of (await settledModels(chat)).split(' · ')) console.log(indent(model));
    const failures = await modelFailures(chat);
    if (failures.length > 0) {
      const what = failures.some((error) => /download|model host|network/i.test(error))
        ? 'The models could not be downloaded (no connection to the model host?)'
        : 'The models could not be loaded';
      const meanwhile =
        'so the answer above came from keyword search over the saved page. `npm start -- ' +
        '--fixtures` runs the small test models packaged with Engram instead.';
      console.log(indent(`${what}, ${meanwhile}`));
    }
  } finally {
    await server.close();
  }
}

/**
 * What the shortcut did, as the toolbar button's title says it for a few seconds on the tab:
 * "Engram — saved “…”", or "Engram — " and why it was not saved.
 * @param {import('playwright-core').BrowserContext} context
 */
async function shortcutOutcome(context, extensionId, url) {
  const started = Date.now();
  while (Date.now() - started < LIMITS.shortcut) {
    const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
    const title = await worker
      ?.evaluate(async (pageUrl) => {
        const [tab] = await chrome.tabs.query({ url: pageUrl });
        if (tab?.id === undefined) return undefined;
        const [own, global] = await Promise.all([
          chrome.action.getTitle({ tabId: tab.id }),
          chrome.action.getTitle({}),
        ]);
        return own === global ? undefined : own;
      }, url)
      .catch(() => undefined); // the worker may be restarting: ask again
    if (title) return title;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new TourError(
    `Nothing happened within ${LIMITS.shortcut / 1000} s of pressing Alt+Shift+S on ${url}.`,
  );
}

/** @param {import('playwright-core').Locator} answer */
async function progressOf(answer) {
  const progress = await answer
    .getByTestId('progress')
    .textContent({ timeout: 1_000 })
    .catch(() => undefined);
  return progress?.trim() || 'no progress shown';
}

/**
 * The models line once no model is loading any more, or as it stands after LIMITS.models.
 * @param {import('playwright-core').Page} chat
 */
async function settledModels(chat) {
  await chat
    .waitForFunction(
      () => {
        const line = document.querySelector('[data-testid="model-status"]')?.textContent ?? '';
        return line !== '' && !/loading/.test(line);
      },
      undefined,
      { timeout: LIMITS.models },
    )
    .catch(() => undefined); // still loading: say so below
  const line = ((await chat.getByTestId('model-status').textContent()) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return /loading/.test(line)
    ? `${line} (still loading after ${LIMITS.models / 1000} s; the tour does not wait for it)`
    : line;
}

/**
 * Why each model that failed to load failed, as the engine recorded it.
 * @param {import('playwright-core').Page} chat
 * @returns {Promise<string[]>}
 */
async function modelFailures(chat) {
  const models = await readTable(chat, 'models');
  return models.filter((row) => row.state === 'failed').map((row) => String(row.error ?? 'failed'));
}

/** Text indented under a numbered step, wrapped at about 100 columns. */
function indent(text) {
  const lines = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + word.length + 1 > 97) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.map((line) => `   ${line}`).join('\n');
}

/**
 * Every row of one of Engram's IndexedDB tables, read in one of its pages.
 * @param {import('playwright-core').Page} page an extension page
 * @param {string} table
 * @returns {Promise<Record<string, unknown>[]>}
 */
function readTable(page, table) {
  return page.evaluate(
    (name) =>
      new Promise((done, fail) => {
        const request = indexedDB.open('engram');
        // Never create the database here: that is Engram's to do, with its schema.
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            done([]);
            return;
          }
          const read = db.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => {
            db.close();
            done(read.result);
          };
          read.onerror = () => fail(read.error);
        };
      }),
    table,
  );
}

/**
 * Ask `check` every 250 ms until it says yes; false once `limit` ms have passed without.
 * @param {number} limit
 * @param {() => Promise<boolean>} check
 */
async function until(limit, check) {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() - started > limit) return false;
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * @template T
 * @param {Promise<T>} wait
 * @param {string | (() => Promise<string>)} what what was waited for, worded when it failed
 * @returns {Promise<T>}
 */
async function bounded(wait, what) {
  try {
    return await wait;
  } catch (error) {
    const words = typeof what === 'string' ? what : await what();
    throw new TourError(`Timed out waiting for ${words}.`, { cause: error });
  }
}

/** The welcome tab, if Engram opens one within 5 s of launch. */
async function welcomePage(context, extensionId) {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    await new Promise((done) => setTimeout(done, 100));
  }
  return undefined;
}
