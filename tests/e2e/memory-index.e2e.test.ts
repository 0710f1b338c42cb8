/**
 * Issue 4 in real Chromium: the search indexes are persisted in the extension's IndexedDB (a
 * snapshot that takes in the index log), `memory/forget` from an extension page removes a page
 * from search and storage, and a browser restart on the same profile searches from the persisted
 * indexes with the forgotten page still gone.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  clickContextMenu,
  launchEngram,
  readTable,
  ROOT,
  serveFolder,
  storedSources,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { setSiteRules } from './site-rules';

const PAGES = resolve(ROOT, 'tests/fixtures/e2e-pages');
const TERRARIUM = 'How to Build a Terrarium';
const PEANUTS = 'Babies Who Eat Peanuts Early May Avoid Allergy';

const profile = tempProfile();
let server: Awaited<ReturnType<typeof serveFolder>>;
let engram: Engram;

beforeAll(async () => {
  server = await serveFolder(PAGES);
  engram = await launchEngram(profile.dir);
  await setSiteRules(engram, [{ pattern: '127.0.0.1', policy: 'full' }]);
});

afterAll(async () => {
  await engram?.close();
  await server?.close();
  profile.remove();
});

/** An extension page to send protocol messages from, as the settings page does. */
async function extensionPage(): Promise<Page> {
  const page = await engram.context.newPage();
  await page.goto(`chrome-extension://${engram.extensionId}/settings.html`);
  return page;
}

/** A protocol message from an extension page; the reply envelope as it comes back. */
const send = (page: Page, type: string, payload: unknown) =>
  page.evaluate<{ ok: boolean; value?: unknown; error?: string }, readonly [string, unknown]>(
    ([type, payload]) => chrome.runtime.sendMessage({ engram: 1, target: 'engine', type, payload }),
    [type, payload],
  );

const search = async (page: Page, query: string): Promise<string[]> => {
  const reply = await send(page, 'engine/search', { query, mode: 'keyword', limit: 10 });
  if (!reply.ok) throw new Error(reply.error);
  return (reply.value as { sourceIds: string[] }).sourceIds;
};

async function keep(path: string, title: string): Promise<string> {
  const page = await engram.context.newPage();
  await page.goto(`${server.origin}${path}`, { waitUntil: 'domcontentloaded' });
  await clickContextMenu(engram, page.url(), { menuItemId: 'save-page' });
  const source = await waitFor(`"${title}" to be indexed`, async () =>
    (await storedSources(engram)).find((s) => s.title.includes(title) && s.status === 'indexed'),
  );
  await page.close();
  return source.id;
}

test('persisted indexes, forget from an extension page, and a restart that keeps both', async () => {
  const terrarium = await keep('/ehow-1/source.html', TERRARIUM);
  const peanuts = await keep('/webmd-1/source.html', PEANUTS);

  // After a quiet moment the engine writes its indexes and drops the log they include.
  const parts = await waitFor(
    'the persisted indexes',
    async () => {
      const rows = await readTable<{ key: string; seq: number }>(engram, 'indexSnapshots');
      const log = await readTable<{ sourceId: string }>(engram, 'indexLog');
      const keys = rows.map((r) => r.key).sort();
      return log.length === 0 && keys.includes('keyword') && keys;
    },
    60_000,
  );
  expect(parts).toEqual(
    expect.arrayContaining(['keyword', 'sources', 'dense:engram/glove-100d-static']),
  );

  const page = await extensionPage();
  expect(await search(page, 'terrarium')).toContain(terrarium);
  expect(await send(page, 'memory/forget', { site: '' })).toMatchObject({ ok: false });
  expect(await send(page, 'memory/forget', { sourceIds: [terrarium] })).toEqual({
    ok: true,
    value: { deleted: 1 },
  });
  expect(await search(page, 'terrarium')).not.toContain(terrarium);
  expect(await search(page, 'peanut allergy')).toContain(peanuts);
  expect((await storedSources(engram)).map((s) => s.id)).not.toContain(terrarium);
  const chunks = await readTable<{ sourceId: string }>(engram, 'chunks');
  expect(chunks.some((c) => c.sourceId === terrarium)).toBe(false);

  // A restart at once: the delete is only in the log, after the snapshot.
  await engram.close();
  engram = await launchEngram(profile.dir);
  const again = await extensionPage();
  await waitFor('the engine after the restart', async () =>
    (await search(again, 'peanut allergy')).includes(peanuts),
  );
  expect(await search(again, 'terrarium')).not.toContain(terrarium);
}, 180_000);
