/**
 * Drive the real, built extension in Debian Chromium (see ../shared/BROWSER_TESTING.md): launch a
 * persistent profile with the extension loaded, serve fixture pages from 127.0.0.1, press the
 * real shortcut with CDP key events, and open the real toolbar popup with Extensions.triggerAction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';

export { pressRememberShortcut, serveFolder } from '../../scripts/static-server.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The packaged fixtures build; ENGRAM_E2E_DIST points elsewhere (a build of one's own). */
export const FIXTURE_DIST = resolve(ROOT, process.env.ENGRAM_E2E_DIST ?? 'dist/chrome-fixtures');
/** The hosted fixtures build: fixture models downloaded from HOSTED_MODEL_PORT on 127.0.0.1. */
export const HOSTED_DIST = resolve(
  ROOT,
  process.env.ENGRAM_E2E_HOSTED_DIST ?? 'dist/chrome-hosted',
);
/** The model host the hosted build downloads from by default (vite.config.ts). */
export const HOSTED_MODEL_PORT = 47831;

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Engram {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export function tempProfile(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'engram-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface LaunchOptions {
  /** More browser flags (e.g. --host-resolver-rules). */
  args?: readonly string[];
  /** Leave the welcome page open (welcome.e2e.test.ts); by default it is closed. */
  keepWelcome?: boolean;
}

export async function launchEngram(
  userDataDir: string,
  dist = FIXTURE_DIST,
  options: LaunchOptions = {},
): Promise<Engram> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      ...CHROMIUM_FLAGS,
      // The interface follows the browser's language: English unless a test asks for another.
      ...(options.args?.some((arg) => arg.startsWith('--lang=')) ? [] : ['--lang=en-US']),
      ...(options.args ?? []),
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
  });
  // Pages from the corpus reference the web; this machine has none. Keep everything on loopback.
  await context.route(/^https?:\/\/(?!(?:127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  if (!options.keepWelcome) await (await welcomePage(context, extensionId))?.close();
  return { context, sw, extensionId, close: () => context.close() };
}

/**
 * The welcome tab Engram opens at install, which --load-extension reports at every launch: tests
 * of other things close it, so that it never takes the focus a shortcut or a popup needs.
 * Undefined if it did not open within `timeoutMs`.
 */
export async function welcomePage(
  context: BrowserContext,
  extensionId: string,
  timeoutMs = 5_000,
): Promise<Page | undefined> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  return waitFor(
    'the welcome page',
    () => Promise.resolve(context.pages().find((page) => page.url() === url)),
    timeoutMs,
  ).catch(() => undefined);
}

/** The current service worker (it may have been restarted since launch). */
export async function serviceWorker(engram: Engram): Promise<Worker> {
  return (
    engram.context.serviceWorkers().find((w) => w.url().includes(engram.extensionId)) ??
    (await engram.context.waitForEvent('serviceworker'))
  );
}

/**
 * Record, in the service worker, everything the page at `url` sends it: each reply its content
 * script gives to `tabs.sendMessage` and each message it sends, as JSON. The polyfill looks up
 * `chrome.tabs.sendMessage` at every call, so the spy sees Engram's own requests. Returns a reader
 * of what was recorded (empty if the worker was restarted meanwhile: callers check a control).
 */
export async function spyOnPageMessages(
  engram: Engram,
  url: string,
): Promise<() => Promise<string[]>> {
  const sw = await serviceWorker(engram);
  await sw.evaluate(async (pageUrl) => {
    type Spied = typeof globalThis & { engramSpy?: string[] };
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    const seen: string[] = ((globalThis as Spied).engramSpy = []);
    const original = chrome.tabs.sendMessage.bind(chrome.tabs) as (...args: unknown[]) => unknown;
    (chrome.tabs as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
      if (args[0] !== tab?.id) return original(...args);
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        return original(...args.slice(0, -1), (reply: unknown) => {
          seen.push(JSON.stringify(reply ?? null));
          (callback as (reply: unknown) => void)(reply);
        });
      }
      const reply = original(...args) as Promise<unknown>;
      void reply.then((value) => seen.push(JSON.stringify(value ?? null))).catch(() => undefined);
      return reply;
    };
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (sender.tab?.id === tab?.id) seen.push(JSON.stringify(message));
      return undefined;
    });
  }, url);
  return () =>
    sw.evaluate(() => (globalThis as typeof globalThis & { engramSpy?: string[] }).engramSpy ?? []);
}

/** Wait until `check` returns a truthy value, polling; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `Timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

/**
 * The real toolbar popup: opened with Extensions.triggerAction on the tab, as a click on the
 * toolbar button would. Playwright does not expose it as a Page, so it is driven over raw CDP
 * through the browser session (Target.sendMessageToTarget).
 */
export class RealPopup {
  private nextId = 0;
  private readonly replies = new Map<number, (message: CdpReply) => void>();

  private constructor(
    private readonly browser: CDPSession,
    private readonly sessionId: string,
  ) {
    browser.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as CdpReply;
      if (message.id !== undefined) this.replies.get(message.id)?.(message);
    });
  }

  /**
   * `path`: the page the action opens; `sidepanel.html` once the service worker has set
   * `sidePanel.setPanelBehavior({openPanelOnActionClick: true})`, for the real side panel, which
   * sits beside the tab in its window (seen-before.e2e.test.ts).
   */
  static async open(engram: Engram, page: Page, path = 'popup.html'): Promise<RealPopup> {
    const browser = engram.context.browser();
    if (!browser) throw new Error('No browser to open the popup in');
    const session = await browser.newBrowserCDPSession();
    const { targetInfos: tabs } = await session.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    });
    const tab = tabs.find((t) => t.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    const popupUrl = `chrome-extension://${engram.extensionId}/${path}`;
    const popups = async () =>
      (await session.send('Target.getTargets')).targetInfos.filter((t) =>
        t.url.startsWith(popupUrl),
      );
    // A popup closed a moment ago may still be listed: wait for a new one.
    const before = new Set((await popups()).map((t) => t.targetId));
    await session.send('Extensions.triggerAction', {
      id: engram.extensionId,
      targetId: tab.targetId,
    });
    const popup = await waitFor('the popup to open', async () =>
      (await popups()).find((t) => !before.has(t.targetId)),
    );
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: popup.targetId,
      flatten: false,
    });
    return new RealPopup(session, sessionId);
  }

  private call(method: string, params: object): Promise<CdpReply> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.replies.set(id, resolve);
      this.browser
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
  }

  /** Evaluate an expression in the popup and return its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = await this.call('Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    const result = reply.result as
      | {
          result: { value: T };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        }
      | undefined;
    if (reply.error) throw new Error(reply.error.message);
    if (result?.exceptionDetails) {
      throw new Error(
        result.exceptionDetails.exception?.description ?? result.exceptionDetails.text,
      );
    }
    return result?.result.value as T;
  }

  /** Type as a person would: into the focused element, through the browser's input pipeline. */
  async type(text: string): Promise<void> {
    await this.call('Input.insertText', { text });
  }

  /**
   * Press a key as a person would, through the browser's input pipeline (so the page sees the
   * keydown, the default action and the keyup). `text` is what the key types, if anything.
   */
  async press(key: string, code: string, keyCode: number, text?: string): Promise<void> {
    const base = { key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
    await this.call('Input.dispatchKeyEvent', {
      type: text ? 'keyDown' : 'rawKeyDown',
      ...base,
      ...(text ? { text, unmodifiedText: text } : {}),
    });
    await this.call('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  }

  /**
   * Press the element under `selector` with the mouse, hold it for `ms`, and let go, through the
   * browser's input pipeline (pointerdown and pointerup as a person's press gives them).
   */
  async hold(selector: string, ms: number): Promise<void> {
    const { x, y } = await this.evaluate<{ x: number; y: number }>(
      `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
    );
    const mouse = { x, y, button: 'left', clickCount: 1 };
    await this.call('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await this.call('Input.dispatchMouseEvent', { type: 'mousePressed', ...mouse, buttons: 1 });
    await new Promise((done) => setTimeout(done, ms));
    await this.call('Input.dispatchMouseEvent', { type: 'mouseReleased', ...mouse, buttons: 0 });
  }

  /** Emulate the light or dark colour scheme (for screenshots). */
  async colorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await this.call('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-color-scheme', value: scheme }],
    });
  }

  /**
   * Shoot the popup as Chrome shows it to the user (sized to its content, 400 × 560 for Engram's):
   * headless Chromium opens it in a 430 × 510 window, which clips the bottom and scrolls the page.
   */
  private fit: { width: number; height: number } | undefined;

  async fitToContent(): Promise<void> {
    this.fit = await this.evaluate<{ width: number; height: number }>(
      `(() => { document.scrollingElement.scrollTop = 0; const r = document.querySelector('.chat')?.getBoundingClientRect(); return { width: Math.ceil(r?.width ?? 400), height: Math.ceil(r?.height ?? 560) }; })()`,
    );
  }

  /** A PNG of the popup as the user sees it (for looking at, not for asserting). */
  async screenshot(): Promise<Buffer> {
    const reply = await this.call('Page.captureScreenshot', {
      format: 'png',
      ...(this.fit
        ? { clip: { x: 0, y: 0, ...this.fit, scale: 1 }, captureBeyondViewport: true }
        : {}),
    });
    return Buffer.from((reply.result as { data: string }).data, 'base64');
  }

  async close(): Promise<void> {
    await this.evaluate('window.close()').catch(() => undefined);
    await this.browser.detach().catch(() => undefined);
  }
}

interface CdpReply {
  id?: number;
  result?: unknown;
  error?: { message: string };
}

export interface StoredSource {
  id: string;
  title: string;
  url: string;
  kind: string;
  status: string;
  seenCount: number;
  selection?: string;
  text: string;
}

/** Read the sources table straight from the extension's IndexedDB, in the service worker. */
export async function storedSources(engram: Engram): Promise<StoredSource[]> {
  const sw = await serviceWorker(engram);
  return sw.evaluate(
    () =>
      new Promise<StoredSource[]>((resolve, reject) => {
        const open = indexedDB.open('engram');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('sources')) {
            database.close();
            resolve([]);
            return;
          }
          const all = database.transaction('sources').objectStore('sources').getAll();
          all.onsuccess = () => {
            database.close();
            resolve(all.result as StoredSource[]);
          };
          all.onerror = () => reject(all.error ?? new Error('read failed'));
        };
      }),
  );
}

/** Fire the real context-menu listener, with `info` as Chromium sends it (no menu in headless). */
export async function clickContextMenu(
  engram: Engram,
  pageUrl: string,
  info: { menuItemId: string; selectionText?: string; linkUrl?: string; srcUrl?: string },
): Promise<void> {
  const sw = await serviceWorker(engram);
  await sw.evaluate(
    async ({ pageUrl, info }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      if (!tab) throw new Error(`no tab for ${pageUrl}`);
      const event = chrome.contextMenus.onClicked as unknown as {
        dispatch(info: object, tab: chrome.tabs.Tab): void;
      };
      event.dispatch({ editable: false, frameId: 0, pageUrl, ...info }, tab);
    },
    { pageUrl, info },
  );
}

/** Rows of one table of the extension's IndexedDB, read in the service worker. */
export async function readTable<T>(engram: Engram, table: string): Promise<T[]> {
  const sw = await serviceWorker(engram);
  return sw.evaluate(
    (table) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('engram');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(table)) {
            database.close();
            resolve([]);
            return;
          }
          const all = database.transaction(table).objectStore(table).getAll();
          all.onsuccess = () => {
            database.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error ?? new Error('read failed'));
        };
      }),
    table,
  );
}

/**
 * Writes one row of the `settings` table, as the settings page would (zod-checked when read).
 * Engram creates its database when it starts; until then there is nothing to write into, and
 * opening it here must not create an empty one, so this tries again until it exists.
 */
export async function putSetting(engram: Engram, key: string, value: unknown): Promise<void> {
  const sw = await serviceWorker(engram);
  await waitFor(`the settings table (to set ${key})`, () =>
    sw.evaluate(
      ({ key, value }) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('engram');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const database = open.result;
            if (!database.objectStoreNames.contains('settings')) {
              database.close();
              resolve(false);
              return;
            }
            const tx = database.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key, value });
            tx.oncomplete = () => {
              database.close();
              resolve(true);
            };
            tx.onerror = () => resolve(false);
          };
        }),
      { key, value },
    ),
  );
}

/** A row of the `models` table, which the engine writes as it downloads and loads each model. */
export interface StoredModel {
  id: string;
  task: 'embed' | 'generate';
  state: 'idle' | 'loading' | 'ready' | 'failed' | 'unavailable';
  loaded: number;
  total: number;
  error?: string;
  updatedAt: number;
}

export const storedModels = (engram: Engram): Promise<StoredModel[]> =>
  readTable<StoredModel>(engram, 'models');

/** Fails at once, saying why, when something on 127.0.0.1 already listens on `port`. */
export async function ensurePortFree(port: number, purpose: string): Promise<void> {
  const probe = createServer();
  await new Promise<void>((done, fail) => {
    probe.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new Error(
          `Port ${port} on 127.0.0.1 is taken (${error.code ?? error.message}), and ${purpose} ` +
            'needs it: stop whatever listens there (another test run?) and try again.',
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => done()));
  });
}

/** A chat message as the popup or side panel shows it (the data-testid hooks of src/ui). */
export interface RenderedMessage {
  role: string;
  status: string;
  mode: string | null;
  text: string;
  citations: Array<{ n: string | null; sourceId: string | null; title: string }>;
}

/** An expression that reads the shown messages from the popup's DOM. */
export const READ_MESSAGES = `[...document.querySelectorAll('[data-testid="message"]')].map((m) => ({
  role: m.dataset.role, status: m.dataset.status, mode: m.dataset.mode ?? null,
  text: m.querySelector('[data-testid="answer-text"]')?.textContent ?? m.textContent,
  citations: [...m.querySelectorAll('[data-testid="citation"]')].map((c) => ({
    n: c.dataset.n ?? null, sourceId: c.dataset.sourceId ?? null,
    title: c.querySelector('[data-testid="citation-title"]')?.textContent ?? '' })) }))`;

/** Type a question into the real popup and press Ask. */
export async function askInPopup(popup: RealPopup, question: string): Promise<void> {
  await waitFor('the question box', () =>
    popup.evaluate<boolean>(`!!document.querySelector('[data-testid="question"]')`),
  );
  await popup.evaluate(`document.querySelector('[data-testid="question"]').focus()`);
  await popup.type(question);
  await popup.evaluate(`document.querySelector('[data-testid="ask"]').click()`);
}

/** The popup's `count`-th answer, once it is done (or failed). */
export async function finishedAnswer(popup: RealPopup, count: number): Promise<RenderedMessage> {
  return waitFor(
    `answer #${count} to finish`,
    async () => {
      const answers = (await popup.evaluate<RenderedMessage[]>(READ_MESSAGES)).filter(
        (m) => m.role === 'assistant',
      );
      const last = answers[count - 1];
      return last && (last.status === 'done' || last.status === 'error') ? last : undefined;
    },
    90_000,
  );
}
