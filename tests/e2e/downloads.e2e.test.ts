/**
 * Model downloads end to end (issue 3, "Tests"), in real Chromium with the hosted fixtures build
 * (dist/chrome-hosted: `npm run build:hosted`). Its default models are the project's fixture
 * models, not packaged: the engine downloads them through Engram's model store, in 1 MiB Range
 * chunks, from the hub-layout host of tests/fixtures/model-host.ts on 127.0.0.1:47831, whose
 * switches stall, corrupt or take down the network and whose log shows every request.
 *
 * Each scenario has its own profile (a fresh Cache Storage and IndexedDB); the host is shared and
 * each test reads only the requests made since it began.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ModelHost, type HostRequest } from '../fixtures/model-host';
import {
  askInPopup,
  clickContextMenu,
  ensurePortFree,
  finishedAnswer,
  HOSTED_DIST,
  HOSTED_MODEL_PORT,
  launchEngram,
  putSetting,
  RealPopup,
  ROOT,
  serveFolder,
  storedModels,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
  type StoredModel,
} from './harness';

const MiB = 1024 * 1024;
/** The hosted build's download chunk (vite.config.ts). */
const CHUNK = 1 * MiB;
const EMBED = 'engram/glove-100d-static';
const GENERATE = 'engram/tiny-gpt';
/** The weights each model loads (q8 on WASM): ~5 MiB (5 chunks) and ~0.5 MiB (1 chunk). */
const WEIGHTS = 'onnx/model_quantized.onnx';
const EMBED_WEIGHTS_BYTES = statSync(resolve(ROOT, 'tests/fixtures/models', EMBED, WEIGHTS)).size;
/** Halfway, inside the third chunk: the first two are stored when the network stops. */
const HALFWAY = 2.5 * MiB;
/** Inside the last (fifth) chunk. */
const NEAR_THE_END = 4.5 * MiB;
const PAGES = resolve(ROOT, 'tests/fixtures/e2e-pages');
const PEANUTS = 'Babies Who Eat Peanuts Early May Avoid Allergy';
/** How long a page may take to show what the engine did (a download, a retry after 1 s). */
const UI = { timeout: 20_000 };

interface Range {
  start: number;
  end: number;
}

/** The byte range a request asked for (`bytes=a-b`), or undefined. */
function rangeOf(request: HostRequest): Range | undefined {
  const match = /^bytes=(\d+)-(\d+)$/.exec(request.range ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]) } : undefined;
}

/**
 * The model store's chunk requests: transformers.js also sends one `bytes=0-0` probe per file it
 * does not find complete in the store (for its own progress totals), which downloads nothing.
 */
const chunkRequests = (requests: HostRequest[]): Range[] =>
  requests.flatMap((r) => {
    const range = rangeOf(r);
    return range && range.end > range.start ? [range] : [];
  });

describe('model downloads from the model host', () => {
  let host: ModelHost;

  beforeAll(async () => {
    if (!existsSync(resolve(HOSTED_DIST, 'manifest.json'))) {
      throw new Error(`No hosted build in ${HOSTED_DIST}: run npm run build:hosted first`);
    }
    await ensurePortFree(HOSTED_MODEL_PORT, 'the hosted build (dist/chrome-hosted) model host');
    host = await ModelHost.start({ port: HOSTED_MODEL_PORT });
  });

  afterAll(async () => {
    await host?.stop();
  });

  /** Requests for one file made since `since` (an index into the host's log). */
  function requestsFor(model: string, file: string, since = 0): HostRequest[] {
    const recent = new Set(host.requests.slice(since));
    return host.requestsFor(model, file).filter((r) => recent.has(r));
  }

  /** Waits until the host has sent part of chunk `n` of the embedding weights, then hung. */
  async function stalledIn(n: number, since: number): Promise<void> {
    await waitFor(`the download to stall in chunk ${n}`, () =>
      Promise.resolve(
        requestsFor(EMBED, WEIGHTS, since).some(
          (r) => rangeOf(r)?.start === n * CHUNK && r.bytes > 0,
        ),
      ),
    );
  }

  /**
   * Waits until each model's row in the `models` table is in the state wanted, as written at or
   * after `since` (ms): rows outlive a restart, and an old "ready" proves nothing.
   */
  async function modelsAre(
    engram: Engram,
    since: number,
    want: Record<string, StoredModel['state']>,
  ): Promise<void> {
    await waitFor(`the models to be ${JSON.stringify(want)}`, async () => {
      const fresh = (await storedModels(engram)).filter((r) => r.updatedAt >= since);
      return Object.entries(want).every(([id, state]) =>
        fresh.some((r) => r.id === id && r.state === state),
      );
    });
  }

  async function openSettings(engram: Engram): Promise<Page> {
    const page = await engram.context.newPage();
    await page.goto(`chrome-extension://${engram.extensionId}/settings.html`);
    return page;
  }

  async function openPopupPage(engram: Engram): Promise<Page> {
    const page = await engram.context.newPage();
    await page.goto(`chrome-extension://${engram.extensionId}/popup.html`);
    return page;
  }

  const modelRow = (page: Page, id: string) =>
    page.locator(`[data-testid="model-row"][data-model-id="${id}"]`);

  describe('first start, then a restart', () => {
    // Made when the tests run (not when they are collected, which a filtered run would leak).
    let profile: ReturnType<typeof tempProfile>;
    beforeAll(() => {
      profile = tempProfile();
    });
    afterAll(() => profile?.remove());

    test('the first start downloads both models with visible progress', async () => {
      const since = host.requests.length;
      host.stall(EMBED, WEIGHTS, HALFWAY);
      const launchedAt = Date.now();
      const engram = await launchEngram(profile.dir, HOSTED_DIST);
      try {
        const settings = await openSettings(engram);
        const row = modelRow(settings, EMBED);
        await stalledIn(2, since);
        // The connection drops; the store retries (after 1 s) from the chunk it was in, and the
        // network stalls again near the end. Why drop first: the engine throttles its progress
        // writes and writes no trailing one, so the figure on screen when a download stalls can be
        // one written before the file's size was known ("starting…"); a retry writes afresh.
        host.stall(EMBED, WEIGHTS, NEAR_THE_END);
        host.release();
        await stalledIn(4, since);
        // Frozen mid-file: the page holds a percentage, neither 0 nor 100.
        const shown = await waitFor('a download percentage on the settings page', async () => {
          const seen = await row.evaluate((el) => ({
            state: el.getAttribute('data-state'),
            text: el.querySelector('[data-testid="model-state"]')?.textContent ?? '',
            bar: el.querySelector('progress')?.value,
          }));
          const percent = Number(/^downloading (\d+)% \(.+ of .+\)$/.exec(seen.text)?.[1]);
          if (seen.state === 'downloading' && percent >= 1 && percent <= 99) return seen;
          throw new Error(`the row says ${seen.state}: "${seen.text}"`); // For the timeout message.
        });
        expect(shown.bar).toBe(Number(/(\d+)%/.exec(shown.text)?.[1]));
        const popup = await openPopupPage(engram);
        const line = await waitFor('the popup to show the download', async () => {
          const text = (await popup.getByTestId('model-status').textContent()) ?? '';
          const percent = Number(/Embedding model loading (\d+)%/.exec(text)?.[1]);
          if (percent >= 1 && percent <= 99) return text;
          throw new Error(`the line says "${text}"`);
        });
        expect(line).toMatch(/^Embedding model loading \d+%/);

        host.release();
        for (const id of [EMBED, GENERATE]) {
          await expect
            .poll(() => modelRow(settings, id).getAttribute('data-state'), UI)
            .toBe('ready');
        }
        await modelsAre(engram, launchedAt, { [EMBED]: 'ready', [GENERATE]: 'ready' });
        await expect
          .poll(() => popup.getByTestId('model-status').textContent(), UI)
          .toBe('Embedding model ready · Language model ready');
        // Downloaded in 1 MiB chunks, each once, except the two the network dropped: resumed,
        // not restarted.
        const chunks = chunkRequests(requestsFor(EMBED, WEIGHTS, since));
        const starts = chunks.map((c) => c.start / CHUNK);
        expect(starts).toEqual([0, 1, 2, 2, 3, 4, 4]);
        expect(chunks.every((c) => c.end - c.start + 1 === CHUNK)).toBe(true);
        expect(chunkRequests(requestsFor(GENERATE, WEIGHTS, since))).toHaveLength(1);
      } finally {
        await engram.close();
      }
    });

    test('the next start loads both models from the cache, without a single request', async () => {
      const since = host.requests.length;
      const launchedAt = Date.now();
      const engram = await launchEngram(profile.dir, HOSTED_DIST);
      try {
        await modelsAre(engram, launchedAt, { [EMBED]: 'ready', [GENERATE]: 'ready' });
        expect(host.requests.slice(since)).toEqual([]);
      } finally {
        await engram.close();
      }
    });
  });

  test('a download cut halfway resumes after a browser restart', async () => {
    const profile = tempProfile();
    const since = host.requests.length;
    host.stall(EMBED, WEIGHTS, HALFWAY);
    let engram = await launchEngram(profile.dir, HOSTED_DIST);
    try {
      // The store asks for the third chunk only once the first two are stored.
      await stalledIn(2, since);
      await engram.close();

      const restart = host.requests.length;
      const relaunchedAt = Date.now();
      engram = await launchEngram(profile.dir, HOSTED_DIST);
      host.release();
      await modelsAre(engram, relaunchedAt, { [EMBED]: 'ready' });
      const chunks = chunkRequests(requestsFor(EMBED, WEIGHTS, restart));
      // It picks up at a chunk boundary past byte 0, and fetches only the rest of the file.
      expect(chunks[0]?.start).toBe(2 * CHUNK);
      expect(chunks.every((c) => c.start >= 2 * CHUNK && c.start % CHUNK === 0)).toBe(true);
      const fetched = requestsFor(EMBED, WEIGHTS, restart).reduce((sum, r) => sum + r.bytes, 0);
      expect(fetched).toBeLessThanOrEqual(EMBED_WEIGHTS_BYTES - 2 * CHUNK + 1);
    } finally {
      await engram.close();
      profile.remove();
    }
  });

  describe('corrupted files', () => {
    let profile: ReturnType<typeof tempProfile>;
    let engram: Engram;
    let since: number;
    let launchedAt: number;

    beforeAll(async () => {
      profile = tempProfile();
      since = host.requests.length;
      host.corrupt(EMBED, WEIGHTS); // Once: the second download is whole.
      host.corrupt(GENERATE, WEIGHTS, undefined, 2); // Twice: the model fails.
      launchedAt = Date.now();
      engram = await launchEngram(profile.dir, HOSTED_DIST);
    });

    afterAll(async () => {
      await engram?.close();
      profile?.remove();
    });

    test('a corrupted file is detected and downloaded again', async () => {
      await modelsAre(engram, launchedAt, { [EMBED]: 'ready' });
      const chunks = chunkRequests(requestsFor(EMBED, WEIGHTS, since));
      // The whole file twice: its SHA-256 (the host's ETag) did not match the first time.
      expect(chunks.filter((c) => c.start === 0)).toHaveLength(2);
      expect(chunks.map((c) => c.start / CHUNK)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    });

    test('a file corrupted twice in a row fails with a clear error', async () => {
      await modelsAre(engram, launchedAt, { [GENERATE]: 'failed' });
      expect(chunkRequests(requestsFor(GENERATE, WEIGHTS, since))).toHaveLength(2);
      const settings = await openSettings(engram);
      const row = modelRow(settings, GENERATE);
      await expect.poll(() => row.getAttribute('data-state'), UI).toBe('failed');
      await expect
        .poll(() => row.getByTestId('model-state').textContent(), UI)
        .toMatch(/^failed: The downloaded model was damaged twice in a row/);
      await expect(row.getByTestId('retry-model').count()).resolves.toBe(1);
      const popup = await openPopupPage(engram);
      await expect
        .poll(() => popup.getByTestId('model-status').textContent(), UI)
        .toMatch(/Language model failed: The downloaded model was damaged twice in a row/);

      // "Try again" restarts the engine, which downloads the file a third time, whole this time.
      const retried = host.requests.length;
      await row.getByTestId('retry-model').click();
      await expect.poll(() => row.getAttribute('data-state'), UI).toBe('ready');
      expect(chunkRequests(requestsFor(GENERATE, WEIGHTS, retried))).toHaveLength(1);
      expect(requestsFor(EMBED, WEIGHTS, retried)).toEqual([]); // Kept from before.
    });
  });

  test('with the host unreachable, memory answers by keyword and the popup says why', async () => {
    const profile = tempProfile();
    const pages = await serveFolder(PAGES);
    const since = host.requests.length;
    host.down = true;
    let engram: Engram | undefined;
    try {
      const launchedAt = Date.now();
      engram = await launchEngram(profile.dir, HOSTED_DIST);
      // Local addresses are on the default blocklist (site rules); the fixture page lives there.
      await putSetting(engram, 'siteRules', [{ pattern: '127.0.0.1', policy: 'full' }]);
      const page = await engram.context.newPage();
      await page.goto(`${pages.origin}/webmd-1/source.html`, { waitUntil: 'domcontentloaded' });
      await clickContextMenu(engram, page.url(), { menuItemId: 'save-page' });
      const current = engram;
      await waitFor('the peanut page to be indexed', async () =>
        (await storedSources(current)).find(
          (s) => s.title.includes(PEANUTS) && s.status === 'indexed',
        ),
      );
      await modelsAre(current, launchedAt, { [EMBED]: 'failed' });

      const popup = await RealPopup.open(engram, page);
      const line = await waitFor('the popup to say why', async () => {
        const text = await popup.evaluate<string>(
          `document.querySelector('[data-testid="model-status"]')?.textContent ?? ''`,
        );
        return /unreachable/.test(text) ? text : undefined;
      });
      expect(line).toMatch(
        /^Embedding model failed: Could not download the model: the model host is unreachable/,
      );
      await askInPopup(popup, 'When should parents give babies food with peanuts?');
      const answer = await finishedAnswer(popup, 1);
      expect(answer.status).toBe('done');
      expect(answer.mode).toBe('extractive');
      expect(answer.text).toMatch(/peanut/i);
      expect(answer.citations[0]?.title).toContain(PEANUTS);
      await popup.close();
      // The engine did try, and every request met a reset connection.
      expect(host.requests.length).toBeGreaterThan(since);
      expect(host.requests.slice(since).filter((r) => r.status !== 0)).toEqual([]);
    } finally {
      host.down = false;
      await engram?.close();
      await pages.close();
      profile.remove();
    }
  });
});
