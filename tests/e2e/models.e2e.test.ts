/**
 * The model runtime end to end (issue 3), in real Chromium with the fixtures build: the device
 * the engine chose (WASM here: headless Chromium runs with --disable-gpu) shown in status and
 * settings; bulk indexing held back while the user is active (chrome.idle, relayed by the service
 * worker) with "Indexing n of m" in the header, and finished once the user is idle; an engine
 * document that went away is created again by the next capture.
 */
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  launchEngram,
  pressRememberShortcut,
  ROOT,
  serveFolder,
  serviceWorker,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { askEngine } from './engine-messages';
import { queueIngest } from './queue-ingest';
import { ALLOW_LOCAL, setSiteRules } from './site-rules';

interface Status {
  embedder: { state: string };
  runtime?: { device: string; webgpu: string; threads: number; crossOriginIsolated: boolean };
  indexing?: { done: number; total: number; waiting: boolean };
}

const closeEngine = (sw: Worker) =>
  sw.evaluate(async () => {
    const url = chrome.runtime.getURL('offscreen.html');
    if ((await chrome.runtime.getContexts({ documentUrls: [url] })).length > 0) {
      await chrome.offscreen.closeDocument();
    }
  });

const engineDocuments = (sw: Worker) =>
  sw.evaluate(
    async () =>
      (
        await chrome.runtime.getContexts({
          documentUrls: [chrome.runtime.getURL('offscreen.html')],
        })
      ).length,
  );

let profile: ReturnType<typeof tempProfile>;
let engram: Engram;
let sw: Worker;
let server: Awaited<ReturnType<typeof serveFolder>>;

beforeAll(async () => {
  server = await serveFolder(resolve(ROOT, 'tests/fixtures/e2e-pages'));
  profile = tempProfile();
  engram = await launchEngram(profile.dir);
  sw = await serviceWorker(engram);
  await waitFor('the embedder', async () => {
    const status = await askEngine<Status>(sw, 'engine/status');
    return status.embedder.state === 'ready';
  });
});

afterAll(async () => {
  // The browser first: its open connections would keep the page server from closing.
  await engram?.close();
  await server?.close();
  profile?.remove();
});

test('the engine runs on WASM in a cross-origin-isolated document, and says so', async () => {
  const { runtime } = await askEngine<Status>(sw, 'engine/status');
  expect(runtime).toMatchObject({ device: 'wasm', webgpu: 'absent', crossOriginIsolated: true });
  expect(runtime?.threads).toBeGreaterThanOrEqual(1);

  const page = await engram.context.newPage();
  await page.goto(`chrome-extension://${engram.extensionId}/settings.html`);
  const device = page.getByTestId('model-device');
  await expect.poll(() => device.getAttribute('data-device'), { timeout: 10_000 }).toBe('wasm');
  expect(await device.textContent()).toMatch(/Runs on WASM, \d+ threads? \(no WebGPU/);
  // The idle-unload setting: shown with its default, and saved when changed.
  const minutes = page.getByTestId('model-idle-minutes');
  await expect.poll(() => minutes.inputValue()).toBe('10');
  await minutes.fill('0');
  await minutes.press('Enter');
  await minutes.blur();
  await waitFor('the setting to be saved', async () => {
    const rows = await sw.evaluate(
      () =>
        new Promise<Array<{ key: string; value: unknown }>>((resolve) => {
          const open = indexedDB.open('engram');
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').getAll();
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result as Array<{ key: string; value: unknown }>);
            };
          };
        }),
    );
    return rows.some((r) => r.key === 'modelIdleMinutes' && r.value === 0);
  });
  await page.close();
});

test('bulk indexing waits while the user is active, shows "Indexing n of m", and ends when idle', async () => {
  await closeEngine(sw);
  // Pages captured an hour ago and never indexed (the engine was closed): bulk work.
  const hourAgo = Date.now() - 3_600_000;
  const backlog = [1, 2, 3, 4].map((i) => ({
    id: `src_backlog_${i}`,
    url: `https://backlog.example/${i}`,
    title: `Backlog page ${i}`,
    text: `Backlog page number ${i} talks about lighthouses, tides and harbour ${i}.`,
    savedAt: hourAgo,
    queuedAt: hourAgo + i,
  }));
  await queueIngest(sw, backlog);
  const ids = backlog.map((page) => page.id);
  await sw.evaluate(() => {
    // The user is at the keyboard (headless Chromium has no input to tell).
    chrome.idle.queryState = () => Promise.resolve('active');
  });

  const popup: Page = await engram.context.newPage();
  await popup.goto(`chrome-extension://${engram.extensionId}/popup.html`);
  // The popup wakes the engine (engine/ensure); one bulk step goes through, the rest wait.
  const waiting = await waitFor('bulk work to wait for the user', async () => {
    const status = await askEngine<Status>(sw, 'engine/status').catch(() => undefined);
    return status?.indexing?.waiting ? status.indexing : undefined;
  });
  expect(waiting.total).toBe(4);
  expect(waiting.done).toBeGreaterThanOrEqual(1);
  expect(waiting.done).toBeLessThan(4);
  const line = popup.getByTestId('indexing-status');
  await expect
    .poll(() => line.textContent(), { timeout: 10_000 })
    // The pace follows once a source is done (" · about 4 a minute").
    .toMatch(/^Indexing [2-4] of 4 · older pages wait while you browse( · about \d+ a minute)?$/);
  const pending = (await storedSources(engram)).filter(
    (s) => ids.includes(s.id) && s.status === 'pending',
  );
  expect(pending.length).toBeGreaterThan(0);

  // The user steps away: chrome.idle says so, the worker relays it, the backlog is indexed.
  await sw.evaluate(() => {
    const event = chrome.idle.onStateChanged as unknown as { dispatch(state: string): void };
    event.dispatch('idle');
  });
  await waitFor(
    'the backlog to be indexed',
    async () =>
      (await storedSources(engram)).filter((s) => ids.includes(s.id) && s.status === 'indexed')
        .length === 4,
    15_000,
  );
  await expect.poll(() => line.textContent(), { timeout: 10_000 }).toBe('');
  await popup.close();
});

test('an engine document that went away is created again by the next capture', async () => {
  await setSiteRules(engram, ALLOW_LOCAL);
  await closeEngine(sw);
  expect(await engineDocuments(sw)).toBe(0);
  const page = await engram.context.newPage();
  await page.goto(`${server.origin}/webmd-1/source.html`);
  await pressRememberShortcut(page);
  const source = await waitFor(
    'the capture to be indexed',
    async () =>
      (await storedSources(engram)).find(
        (s) => s.url.endsWith('/webmd-1/source.html') && s.status === 'indexed',
      ),
    30_000,
  );
  expect(await engineDocuments(sw)).toBe(1);
  // Found by meaning too: its vectors came with it, or right after the embedder loaded.
  await waitFor('the capture to be found by a dense query', async () => {
    const { sourceIds } = await askEngine<{ sourceIds: string[] }>(sw, 'engine/search', {
      query: 'Should babies eat peanuts early to avoid a peanut allergy?',
      mode: 'dense',
      limit: 2,
    });
    return sourceIds.includes(source.id);
  });
  await page.close();
});
