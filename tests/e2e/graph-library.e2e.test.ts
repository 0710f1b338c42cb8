/**
 * From the library to the graph (issue 14), in real Chromium with the fixtures build: a kept
 * page's item page lists the people, organisations and ideas it mentions (not its site), each a
 * link to `graph.html#/entity/ID`; following one opens that entity's page in the graph.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { edgeOf, seedGraph } from './graph-seed';
import { launchEngram, tempProfile, type Engram } from './harness';
import { seedSources } from './library-seed';

const profile = tempProfile();
let engram: Engram;
const now = Date.now();
const DAY = 86_400_000;

const entity = (kind: 'person' | 'organisation' | 'idea', name: string) => ({
  id: `e:${kind}:${name.toLowerCase()}`,
  kind,
  name,
  key: name.toLowerCase(),
  firstSeenAt: now - 3 * DAY,
  lastSeenAt: now - DAY,
  sourceCount: 1,
});
const LOVELACE = entity('person', 'Ada Lovelace');
const SOCIETY = entity('organisation', 'Analytical Society');
const ENGINES = entity('idea', 'difference engines');
const SITE = {
  id: 'site:engines.example.org',
  kind: 'site' as const,
  name: 'engines.example.org',
  key: 'engines.example.org',
  firstSeenAt: now - 3 * DAY,
  lastSeenAt: now - DAY,
  sourceCount: 1,
};

beforeAll(async () => {
  engram = await launchEngram(profile.dir);
  const library = await engram.context.newPage();
  // The page opens the database at the current version before rows are written into it.
  await library.goto(`chrome-extension://${engram.extensionId}/library.html`);
  await library.waitForLoadState('load');
  // The graph first: a kept page seen without its mentions would get them from the engine's
  // graph backfill (engine/ingest/graph-backfill.ts), computed from its text.
  await seedGraph(engram.sw, {
    entities: [LOVELACE, SOCIETY, ENGINES, SITE],
    mentions: [
      { sourceId: 'src_gl_notes', entityId: LOVELACE.id, role: 'author' },
      { sourceId: 'src_gl_notes', entityId: SOCIETY.id, role: 'mention' },
      { sourceId: 'src_gl_notes', entityId: ENGINES.id, role: 'phrase' },
      { sourceId: 'src_gl_notes', entityId: SITE.id, role: 'publisher' },
    ],
    edges: [edgeOf(LOVELACE.id, SOCIETY.id, 1)],
  });
  await seedSources(engram.sw, [
    {
      id: 'src_gl_notes',
      url: 'https://engines.example.org/notes',
      title: 'Notes on the analytical engine',
      text: 'Ada Lovelace wrote notes on the engine for the Analytical Society.',
      savedAt: now - DAY,
    },
  ]);
  await library.close();
}, 120_000);

afterAll(async () => {
  await engram?.close();
  profile.remove();
});

test('the item page links each entity it mentions to its page in the graph', async () => {
  const page = await engram.context.newPage();
  await page.goto(`chrome-extension://${engram.extensionId}/library.html#/item/src_gl_notes`);
  const links = page.getByTestId('item-entities').locator('a');
  await expect
    .poll(async () => (await links.allTextContents()).sort(), { timeout: 60_000 })
    .toEqual(['Ada Lovelace', 'Analytical Society', 'difference engines']);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.sort()).toEqual(
    [LOVELACE, SOCIETY, ENGINES]
      .map((e) => `graph.html#/entity/${encodeURIComponent(e.id)}`)
      .sort(),
  );
  // The site is the page's address, not something it mentions.
  expect(await page.getByTestId('item-entities').textContent()).not.toContain(SITE.name);

  await page.getByTestId('item-entities').getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.waitForURL(/graph\.html#\/entity\//, { timeout: 30_000 });
  expect(new URL(page.url()).hash).toBe(`#/entity/${encodeURIComponent(LOVELACE.id)}`);
  const panel = page.getByTestId('entity-page');
  await expect.poll(() => panel.getAttribute('data-id'), { timeout: 60_000 }).toBe(LOVELACE.id);
  expect(await page.getByTestId('entity-name').textContent()).toBe('Ada Lovelace');
  // Its page lists the page the link came from.
  await expect
    .poll(() => page.getByTestId('entity-pages').textContent(), { timeout: 60_000 })
    .toContain('Notes on the analytical engine');
  await page.close();
}, 180_000);
