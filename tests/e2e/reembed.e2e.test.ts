/**
 * Switching the embedding model in real Chromium (issue 3), with the fixtures build's two GloVe
 * models: the user picks the 50-d model in the settings page's models panel; memory is re-embedded
 * in the background as bulk work (held while the user is active, one batch per trickle), with
 * "Re-indexing … n of m" in the panel and `reembedding` in the engine status; meanwhile dense
 * search answers exactly as before the switch, from the 100-d vectors; once the user is idle the
 * rest is embedded, the engine starts again on the 50-d model, every chunk has its vector
 * and a dense query finds the right page.
 */
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  launchEngram,
  pressRememberShortcut,
  readTable,
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

const OLD = 'engram/glove-100d-static';
const NEW = 'engram/glove-50d-static';
/** Long sources, of over two of the re-embedder's batches of 64 chunks: it stops between them. */
const BACKLOG = 4;
const BACKLOG_SENTENCES = 400;
/** One per backlog source, so a dense query can tell them apart. */
const TOPICS = ['lighthouses and tides', 'violin bows', 'glacier hiking', 'sourdough starters'];
/** Only at the end of the first backlog source, so a dense query finds that source first. */
const LATE_TOPIC = 'peppermint submarine carries brass telescopes to the volcano';
const PEANUT_QUESTION = 'Should babies eat peanuts early to avoid a peanut allergy?';
const TERRARIUM_QUESTION = 'How do I build a terrarium with plants and soil in a glass jar?';
const QUESTIONS = [
  PEANUT_QUESTION,
  TERRARIUM_QUESTION,
  ...TOPICS.map((topic) => `Notes about ${topic}`),
  'Which submarine carried telescopes to a volcano?',
];

interface Status {
  embedder: { state: string; model: string };
  reembedding?: { model: string; done: number; total: number };
  chunks: number;
}

interface Chunk {
  id: string;
  sourceId: string;
  model?: string;
  scale?: number;
  next?: { model: string; scale: number };
}

/** Whether a chunk row holds a vector of `model`, in either slot (store/chunk-vectors.ts). */
const hasVector = (c: Chunk, model: string) =>
  (c.model === model && typeof c.scale === 'number') || c.next?.model === model;

const profile = tempProfile();
let server: Awaited<ReturnType<typeof serveFolder>>;
let engram: Engram;
let sw: Worker;

beforeAll(async () => {
  server = await serveFolder(resolve(ROOT, 'tests/fixtures/e2e-pages'));
  engram = await launchEngram(profile.dir);
  sw = await serviceWorker(engram);
  await setSiteRules(engram, ALLOW_LOCAL);
  await waitFor('the embedder', async () => {
    const status = await askEngine<Status>(sw, 'engine/status').catch(() => undefined);
    return status?.embedder.state === 'ready';
  });
});

afterAll(async () => {
  await engram?.close();
  await server?.close();
  profile.remove();
});

const status = () => askEngine<Status>(sw, 'engine/status');
const denseSearch = async (query: string) =>
  (
    await askEngine<{ sourceIds: string[] }>(sw, 'engine/search', {
      query,
      mode: 'dense',
      limit: 3,
    })
  ).sourceIds;

/** Long sources queued as fresh captures, so they are indexed at once with the 100-d model. */
async function queueBacklog(): Promise<void> {
  const words = ['keeper', 'lamp', 'harbour', 'storm', 'rope', 'maple', 'crevasse', 'flour'];
  const now = Date.now();
  await queueIngest(
    sw,
    Array.from({ length: BACKLOG }, (_, i) => ({
      id: `src_0000backlog_${i}`,
      url: `https://backlog.example/${i}`,
      title: `Backlog note ${i}`,
      text: Array.from({ length: BACKLOG_SENTENCES }, (_, n) =>
        i === 0 && n >= BACKLOG_SENTENCES - 60
          ? `Line ${n}: the ${LATE_TOPIC} ${n}.`
          : `Note ${i} line ${n} is about ${TOPICS[i % TOPICS.length]} and the ` +
            `${words[n % words.length]} seen on day ${n}, with ${words[(n * 3 + i) % words.length]}.`,
      ).join(' '),
      savedAt: now,
      queuedAt: now + i,
    })),
  );
}

async function capture(path: string): Promise<string> {
  const page = await engram.context.newPage();
  await page.goto(`${server.origin}${path}`);
  await pressRememberShortcut(page);
  const source = await waitFor(`${path} to be indexed`, async () =>
    (await storedSources(engram)).find((s) => s.url.endsWith(path) && s.status === 'indexed'),
  );
  await page.close();
  return source.id;
}

test('a new embedding model re-embeds memory in the background; search uses the old one until done', async () => {
  await queueBacklog();
  const peanuts = await capture('/webmd-1/source.html');
  const terrarium = await capture('/ehow-1/source.html');
  await waitFor(
    'the backlog to be indexed',
    async () => {
      const backlog = (await storedSources(engram)).filter((s) => s.id.includes('backlog'));
      return backlog.length === BACKLOG && backlog.every((s) => s.status === 'indexed');
    },
    45_000,
  );
  const before = await readTable<Chunk>(engram, 'chunks');
  expect(before.length).toBeGreaterThan(2 * 64);
  expect(before.every((c) => hasVector(c, OLD))).toBe(true);
  const answers: string[][] = [];
  for (const question of QUESTIONS) answers.push(await denseSearch(question));
  expect(answers[0]).toContain(peanuts);
  expect(answers[1]).toContain(terrarium);
  expect(answers.at(-1)?.[0]).toBe('src_0000backlog_0');

  // The user is at the keyboard (headless Chromium has no input to tell): bulk work waits.
  await sw.evaluate(() => {
    chrome.idle.queryState = () => Promise.resolve('active');
  });

  // Switch the way a user does: the models panel's "Use this model" on the 50-d row.
  const settings: Page = await engram.context.newPage();
  await settings.goto(`chrome-extension://${engram.extensionId}/settings.html`);
  const row = settings.locator(`[data-testid="model-row"][data-model-id="${NEW}"]`);
  await row.getByTestId('use-model').click();
  await expect
    .poll(() => settings.getByTestId('switch-notice').textContent(), { timeout: 15_000 })
    .toMatch(/^Now using GloVe 50-d static \(test fixture\)\. Your memory is being re-indexed/);
  await expect.poll(() => row.getAttribute('data-in-use')).toBe('true');

  // One batch goes through, then the rest waits for the user: part done, the old model in use.
  const partial = await waitFor('re-embedding to pause between batches', async () => {
    const now = await status().catch(() => undefined);
    const progress = now?.reembedding;
    return progress && progress.done > 0 && now.embedder.model === OLD ? progress : undefined;
  });
  expect(partial.model).toBe(NEW);
  expect(partial.done).toBeLessThan(partial.total);
  expect(partial.total).toBe(before.length);
  await expect
    .poll(() => settings.getByTestId('reembed-progress').textContent(), { timeout: 10_000 })
    .toMatch(
      new RegExp(
        `^Re-indexing your memory for GloVe 50-d static \\(test fixture\\): \\d+ of ${partial.total} passages \\(\\d+%\\)\\. Search uses the current model`,
      ),
    );

  // Part of memory has 50-d vectors, but dense search answers exactly as before the switch: from
  // the 100-d vectors only (a mixed or partial 50-d index would rank differently).
  const midway = await readTable<Chunk>(engram, 'chunks');
  const reembedded = midway.filter((c) => hasVector(c, NEW)).length;
  expect(reembedded).toBeGreaterThan(0);
  expect(reembedded).toBeLessThan(midway.length);
  expect(midway.every((c) => hasVector(c, OLD))).toBe(true);
  for (const [i, question] of QUESTIONS.entries()) {
    expect(await denseSearch(question)).toEqual(answers[i]);
  }
  const still = await status();
  expect(still.embedder.model).toBe(OLD);
  expect(still.reembedding?.done).toBeLessThan(partial.total);

  // The user steps away: the rest is embedded and the engine starts again on the 50-d model.
  await sw.evaluate(() => {
    const event = chrome.idle.onStateChanged as unknown as { dispatch(state: string): void };
    event.dispatch('idle');
  });
  await waitFor(
    'the engine to run on the new model',
    async () => {
      const now = await status().catch(() => undefined);
      return now?.embedder.model === NEW && !now.reembedding;
    },
    30_000,
  );
  const after = await readTable<Chunk>(engram, 'chunks');
  expect(after.length).toBe(before.length);
  expect(after.filter((c) => !hasVector(c, NEW)).map((c) => c.id)).toEqual([]);
  await waitFor('dense search on the new model', async () =>
    (await denseSearch(PEANUT_QUESTION).catch((): string[] => [])).includes(peanuts),
  );
  expect(await denseSearch(TERRARIUM_QUESTION)).toContain(terrarium);
  const changed: string[] = [];
  for (const [i, question] of QUESTIONS.entries()) {
    const now = await denseSearch(question);
    if (JSON.stringify(now) !== JSON.stringify(answers[i])) changed.push(question);
  }
  // The 50-d vectors rank differently: the comparison midway could tell the two models apart.
  expect(changed.length).toBeGreaterThan(0);
  expect((await denseSearch(QUESTIONS.at(-1) ?? ''))[0]).toBe('src_0000backlog_0');
  await expect
    .poll(() => settings.getByTestId('reembed-progress').count(), { timeout: 10_000 })
    .toBe(0);
  await settings.close();
}, 120_000);
