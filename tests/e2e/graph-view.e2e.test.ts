/**
 * The graph page (issue 14) in real Chromium with the fixtures build: graph rows in the database
 * (the storage contract's entities, mentions and entity edges, written as the indexer would) →
 * graph.html draws them with WebGL; the search finds an entity with the keyboard and opens its
 * page, which lists the pages that mention it (newest first, with the role) and the entities seen
 * with it (heaviest first); a related entity opens from the keyboard; the kind filter narrows the
 * picture, and Expand brings back a neighbour it hid; the entity page shows when it was first and
 * last seen; rename, merge and delete from the entity page change the stored entities; and a page
 * saved with the real shortcut is found in the real popup's chat under the name its author was
 * renamed to (the engine's name matcher hears the edit).
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { edgeOf, seedGraph, type SeedEntity } from './graph-seed';
import {
  askInPopup,
  finishedAnswer,
  launchEngram,
  putSetting,
  readTable,
  RealPopup,
  tempProfile,
  waitFor,
  type Engram,
} from './harness';
import { seedSources } from './library-seed';
import { saveWithShortcut } from './save-page';

const profile = tempProfile();
let engram: Engram;
let graph: Page;
const now = Date.now();
const DAY = 86_400_000;

const entity = (kind: SeedEntity['kind'], name: string, count: number, first: number) => ({
  id: `e:${kind}:${name.toLowerCase()}`,
  kind,
  name,
  key: name.toLowerCase(),
  firstSeenAt: now - first * DAY,
  lastSeenAt: now - DAY,
  sourceCount: count,
});

const HINTON = { ...entity('person', 'Geoffrey Hinton', 2, 40), aliases: ['Geoff Hinton'] };
const OPENAI = entity('organisation', 'OpenAI', 3, 60);
const TORONTO = entity('place', 'Toronto', 1, 30);

/** Two articles to save with the shortcut: one by an author (in its JSON-LD only), one by nobody. */
const QUARRY_HOST = 'quarry.example-site.org';
const ORCHARD_HOST = 'orchard.example-review.net';
function article(title: string, author: string | undefined, text: string): string {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: title,
    ...(author ? { author: { '@type': 'Person', name: author } } : {}),
  });
  const body = text
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('');
  return `<!doctype html><html lang="en"><head><title>${title}</title><script type="application/ld+json">${ld}</script></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}
const QUARRY = article(
  'Cutting slate in the Penrhyd quarries',
  'Ilse Marwick',
  'The Penrhyd quarries split slate along its cleavage with broad chisels.\nQuarrymen worked the terraces in gangs, each with its own gallery.\nRoofing slates were sized by hand and stacked by the hundred.',
);
const ORCHARD = article(
  'Grafting old apple varieties',
  undefined,
  'Cleft grafting joins a scion of an old variety to a young rootstock.\nGrafts are bound with raffia and sealed with wax in early spring.\nA grafted tree bears the scion variety within a few years.',
);
let served: Server;
let port = 0;

beforeAll(async () => {
  served = createServer((req, res) => {
    const html = (req.headers.host ?? '').startsWith(QUARRY_HOST) ? QUARRY : ORCHARD;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => served.listen(0, '127.0.0.1', done));
  port = (served.address() as { port: number }).port;
  engram = await launchEngram(profile.dir, undefined, {
    args: [`--host-resolver-rules=MAP ${QUARRY_HOST} 127.0.0.1, MAP ${ORCHARD_HOST} 127.0.0.1`],
  });
  await engram.context.route(
    (url) => [QUARRY_HOST, ORCHARD_HOST].includes(url.hostname),
    (route) => route.continue(),
  );
  graph = await engram.context.newPage();
  // The page opens the database at the current version before rows are written into it.
  await graph.goto(`chrome-extension://${engram.extensionId}/graph.html`);
  await graph.getByTestId('graph-status').waitFor({ timeout: 90_000 });
  // The graph first: a kept page seen without its mentions would get them from the engine's
  // graph backfill (engine/ingest/graph-backfill.ts), computed from its text.
  await seedGraph(engram.sw, {
    entities: [HINTON, OPENAI, TORONTO],
    mentions: [
      { sourceId: 'src_g_nobel', entityId: HINTON.id, role: 'about' },
      { sourceId: 'src_g_backprop', entityId: HINTON.id, role: 'author' },
      { sourceId: 'src_g_nobel', entityId: OPENAI.id, role: 'mention' },
    ],
    edges: [edgeOf(HINTON.id, OPENAI.id, 5), edgeOf(HINTON.id, TORONTO.id, 2)],
  });
  await seedSources(engram.sw, [
    {
      id: 'src_g_nobel',
      url: 'https://news.example.com/nobel',
      title: 'The Nobel prize in physics',
      text: 'Geoffrey Hinton and John Hopfield share the prize.',
      savedAt: now - 2 * DAY,
    },
    {
      id: 'src_g_backprop',
      url: 'https://blog.example.org/backprop',
      title: 'Learning representations by back-propagating errors',
      text: 'By Geoffrey Hinton.',
      savedAt: now - 30 * DAY,
    },
  ]);
  await graph.reload();
}, 180_000);

afterAll(async () => {
  await engram?.close();
  served?.close();
  profile.remove();
});

interface StoredEntity {
  id: string;
  name: string;
  key: string;
  aliases?: string[];
  sourceCount: number;
}
const storedEntities = () => readTable<StoredEntity>(engram, 'entities');
const storedEntity = async (id: string) => (await storedEntities()).find((e) => e.id === id);

/** Opens an entity's page the way a link to it does (`graph.html#/entity/ID`). */
async function openEntityPage(id: string): Promise<void> {
  await graph.evaluate((id) => (location.hash = `#/entity/${encodeURIComponent(id)}`), id);
  await expect
    .poll(() => graph.getByTestId('entity-page').getAttribute('data-id'), { timeout: 60_000 })
    .toBe(id);
}

test('the picture draws the entities in WebGL and says how many', async () => {
  await graph.waitForSelector('[data-testid="graph-canvas"][data-drawn]', { timeout: 90_000 });
  // Sites are left out at first; the three entities are drawn.
  expect(await graph.getByTestId('graph-canvas').getAttribute('data-drawn')).toBe('3');
  expect(await graph.getByTestId('graph-status').textContent()).toContain('3 of 3');
  expect(await graph.locator('.graph-canvas canvas').count()).toBeGreaterThan(0);
}, 180_000);

test('search with the keyboard opens the entity, centres it, and its page lists pages and related entities', async () => {
  await graph.getByTestId('graph-search').focus();
  await graph.keyboard.type('geoff h');
  await graph.getByTestId('graph-search-list').waitFor({ timeout: 90_000 });
  await graph.keyboard.press('Enter');

  const panel = graph.getByTestId('entity-page');
  await panel.waitFor({ timeout: 90_000 });
  expect(new URL(graph.url()).hash).toBe(`#/entity/${encodeURIComponent(HINTON.id)}`);
  expect(await graph.getByTestId('entity-name').textContent()).toBe('Geoffrey Hinton');
  expect(await graph.getByTestId('entity-aliases').textContent()).toBe('Geoff Hinton');
  expect(await graph.getByTestId('graph-canvas').getAttribute('data-selected')).toBe(HINTON.id);

  // Newest first, each with how it names him, linking to the library's item page.
  const pages = graph.getByTestId('entity-pages').locator('li');
  await expect.poll(() => pages.count(), { timeout: 60_000 }).toBe(2);
  expect(await pages.nth(0).textContent()).toMatch(/The Nobel prize in physics.*about it/);
  expect(await pages.nth(1).textContent()).toMatch(/back-propagating errors.*author/);
  expect(await pages.nth(0).locator('a').getAttribute('href')).toBe(
    'library.html#/item/src_g_nobel',
  );

  // Heaviest edge first.
  const related = graph.getByTestId('entity-related').locator('li');
  await expect.poll(() => related.count(), { timeout: 60_000 }).toBe(2);
  expect(await related.nth(0).textContent()).toMatch(/OpenAI.*5/);
  expect(await related.nth(1).textContent()).toMatch(/Toronto.*2/);
}, 180_000);

test('a related entity opens from the keyboard, and the picture pans and zooms from it', async () => {
  const openai = graph.getByTestId('entity-related').getByRole('button', { name: 'OpenAI' });
  await openai.focus();
  await graph.keyboard.press('Enter');
  await expect
    .poll(() => graph.getByTestId('entity-name').textContent(), { timeout: 60_000 })
    .toBe('OpenAI');
  expect(await graph.getByTestId('graph-canvas').getAttribute('data-selected')).toBe(OPENAI.id);

  const canvas = graph.getByTestId('graph-canvas');
  await canvas.focus();
  for (const key of ['ArrowLeft', 'ArrowUp', '+', '-', '0']) await graph.keyboard.press(key);
  expect(await graph.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'graph-canvas',
  );

  await graph.getByTestId('entity-close').focus();
  await graph.keyboard.press('Enter');
  await graph.getByTestId('entity-page').waitFor({ state: 'detached' });
}, 180_000);

test('the kind filter narrows the picture', async () => {
  await graph.getByTestId('graph-kind-person').click();
  await expect
    .poll(() => graph.getByTestId('graph-status').textContent(), { timeout: 60_000 })
    .toContain('2 of 2');
  await graph.getByTestId('graph-kind-person').click();
  await expect
    .poll(() => graph.getByTestId('graph-status').textContent(), { timeout: 60_000 })
    .toContain('3 of 3');
}, 180_000);

test('Expand brings back a neighbour that the kind filter hid', async () => {
  await graph.getByTestId('graph-kind-organisation').click();
  await expect
    .poll(() => graph.getByTestId('graph-status').textContent(), { timeout: 60_000 })
    .toContain('2 of 2');
  const canvas = graph.getByTestId('graph-canvas');
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 60_000 }).toBe('2');

  await openEntityPage(HINTON.id);
  await graph.getByTestId('entity-expand').click();
  // OpenAI (an organisation, filtered out) is his neighbour: it is back in the picture.
  await expect.poll(() => canvas.getAttribute('data-nodes'), { timeout: 60_000 }).toBe('3');
  // Expanding again adds nothing twice.
  await graph.getByTestId('entity-expand').click();
  await graph.waitForTimeout(300);
  expect(await canvas.getAttribute('data-nodes')).toBe('3');

  await graph.getByTestId('graph-kind-organisation').click();
  await expect
    .poll(() => graph.getByTestId('graph-status').textContent(), { timeout: 60_000 })
    .toContain('3 of 3');
}, 180_000);

test('the entity page says when the entity was first and last seen', async () => {
  await openEntityPage(HINTON.id);
  const format = (at: number) =>
    graph.evaluate(
      (at) =>
        new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { dateStyle: 'medium' }).format(at),
      at,
    );
  expect(await graph.getByTestId('entity-first-seen').textContent()).toBe(
    await format(HINTON.firstSeenAt),
  );
  expect(await graph.getByTestId('entity-last-seen').textContent()).toBe(
    await format(HINTON.lastSeenAt),
  );
  // Forty days apart: two different dates, not one shown twice.
  expect(await graph.getByTestId('entity-first-seen').textContent()).not.toBe(
    await graph.getByTestId('entity-last-seen').textContent(),
  );
}, 180_000);

test('rename, merge and delete on the entity page change the stored entities', async () => {
  const panel = graph.getByTestId('entity-page');
  await openEntityPage(TORONTO.id);
  await graph.getByTestId('entity-rename').click();
  await graph.getByTestId('entity-rename-input').fill('Toronto, Ontario');
  await graph.getByTestId('entity-rename-input').press('Enter');
  await expect
    .poll(async () => (await storedEntity(TORONTO.id))?.name, { timeout: 30_000 })
    .toBe('Toronto, Ontario');
  expect((await storedEntity(TORONTO.id))?.aliases).toContain('Toronto');
  await expect
    .poll(() => graph.getByTestId('entity-name').textContent(), { timeout: 30_000 })
    .toBe('Toronto, Ontario');

  // Toronto merged into OpenAI: one entity left, with both names, and its page opens.
  await graph.getByTestId('entity-merge').click();
  await graph.getByTestId('entity-merge-search').fill('openai');
  await graph.getByTestId('entity-merge-search-list').waitFor({ timeout: 30_000 });
  await graph.getByTestId('entity-merge-search').press('Enter');
  await panel.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect
    .poll(async () => (await storedEntity(TORONTO.id)) === undefined, { timeout: 30_000 })
    .toBe(true);
  const openai = await storedEntity(OPENAI.id);
  expect(openai?.name).toBe('OpenAI');
  expect(openai?.aliases).toEqual(expect.arrayContaining(['Toronto, Ontario']));
  await expect.poll(() => panel.getAttribute('data-id'), { timeout: 30_000 }).toBe(OPENAI.id);

  // OpenAI deleted: gone from the store, the page closes, Hinton and his pages stay.
  await graph.getByTestId('entity-delete').click();
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect
    .poll(async () => (await storedEntity(OPENAI.id)) === undefined, { timeout: 30_000 })
    .toBe(true);
  await panel.waitFor({ state: 'detached', timeout: 30_000 });
  expect(
    (await storedEntities()).filter((e) => !e.id.startsWith('site:')).map((e) => e.id),
  ).toEqual([HINTON.id]);
  expect((await storedEntity(HINTON.id))?.sourceCount).toBe(2);
}, 180_000);

test('after a rename, the chat finds the pages under the new name', async () => {
  await putSetting(engram, 'generation', false); // extractive: the citations are what is tested
  const page = (host: string) => `http://${host}:${port}/article`;
  const quarry = (await saveWithShortcut(engram, page(QUARRY_HOST), 'Cutting slate')).id;
  await saveWithShortcut(engram, page(ORCHARD_HOST), 'Grafting old apple');
  const author = await waitFor('the author entity', async () =>
    (await storedEntities()).find((e) => e.key === 'ilse marwick'),
  );

  await graph.bringToFront();
  await openEntityPage(author.id);
  await graph.getByTestId('entity-rename').click();
  await graph.getByTestId('entity-rename-input').fill('Ilse Brandvold');
  await graph.getByTestId('entity-rename-input').press('Enter');
  await expect
    .poll(async () => (await storedEntity(author.id))?.name, { timeout: 30_000 })
    .toBe('Ilse Brandvold');

  // The new name is in neither page: only the renamed entity leads to the quarry article.
  const tab = await engram.context.newPage();
  await tab.goto(`http://${ORCHARD_HOST}:${port}/article`, { waitUntil: 'load' });
  const popup = await RealPopup.open(engram, tab);
  try {
    await askInPopup(popup, 'What did I read by Ilse Brandvold?');
    const answer = await finishedAnswer(popup, 1);
    expect(answer.status).toBe('done');
    expect(answer.citations.map((c) => c.sourceId)).toEqual([quarry]);
  } finally {
    await popup.close();
    await tab.close();
  }
}, 300_000);
