/**
 * The graph page (issue 14) in real Chromium with the fixtures build: graph rows in the database
 * (the storage contract's entities, mentions and entity edges, written as the indexer would) →
 * graph.html draws them with WebGL; the search finds an entity with the keyboard and opens its
 * page, which lists the pages that mention it (newest first, with the role) and the entities seen
 * with it (heaviest first); a related entity opens from the keyboard; the kind filter narrows the
 * picture; the library's item page links to the entity.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { edgeOf, seedGraph, type SeedEntity } from './graph-seed';
import { launchEngram, tempProfile, type Engram } from './harness';
import { seedSources } from './library-seed';

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

beforeAll(async () => {
  engram = await launchEngram(profile.dir);
  graph = await engram.context.newPage();
  // The page opens the database at the current version before rows are written into it.
  await graph.goto(`chrome-extension://${engram.extensionId}/graph.html`);
  await graph.getByTestId('graph-status').waitFor({ timeout: 90_000 });
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
  await seedGraph(engram.sw, {
    entities: [HINTON, OPENAI, TORONTO],
    mentions: [
      { sourceId: 'src_g_nobel', entityId: HINTON.id, role: 'about' },
      { sourceId: 'src_g_backprop', entityId: HINTON.id, role: 'author' },
      { sourceId: 'src_g_nobel', entityId: OPENAI.id, role: 'mention' },
    ],
    edges: [edgeOf(HINTON.id, OPENAI.id, 5), edgeOf(HINTON.id, TORONTO.id, 2)],
  });
  await graph.reload();
}, 180_000);

afterAll(async () => {
  await engram.close();
  profile.remove();
});

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
