import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../db';
import type { CapturePayload, GlimpsePayload } from '../protocol';
import { deleteSources } from './delete-sources';
import { editGlimpse, releaseExpired, storeGlimpse } from './glimpses';
import { storeCapture, storeNote } from './sources';
import { countMemories, countSources } from './source-reads';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const page = (n: number): CapturePayload => ({
  mode: 'page',
  url: `https://example.com/article-${n}`,
  title: `Article ${n}`,
  text: `Article ${n} opens here.\n\nIts second paragraph.`,
  links: [`https://example.com/article-${n + 1}`],
  extractor: 'readability',
});

const seen = (text: string): GlimpsePayload => ({
  seen: [{ text, firstSeenAt: 1, lastSeenAt: 2, visibleMs: 1_500 }],
  now: [text],
  buffered: true,
});

/** The shortcut on page `n`: the page and a glimpse of it. */
async function shortcut(n: number, glimpseText = `Article ${n} opens here.`) {
  const kept = await storeCapture(db, page(n), 'shortcut', 1_000);
  const glimpse = await storeGlimpse(db, page(n), seen(glimpseText), kept.sourceId, 1_000);
  if (!glimpse) throw new Error('no glimpse stored');
  return { pageId: kept.sourceId, glimpseId: glimpse.sourceId };
}

test('a page kept with the shortcut and its glimpse are one memory', async () => {
  for (let n = 1; n <= 6; n += 1) await shortcut(n);
  expect(await countSources(db)).toBe(12);
  expect(await countMemories(db)).toBe(6);
});

test('notes and pages saved without a glimpse count one each', async () => {
  await shortcut(1);
  await storeCapture(db, page(2), 'menu', 1_000);
  await storeNote(db, 'The boat leaves at nine.', 'chat', 1_000);
  expect(await countMemories(db)).toBe(3);
});

test('the same glimpse seen on two pages is counted once, with them', async () => {
  await shortcut(1, 'A banner both pages share.');
  await shortcut(2, 'A banner both pages share.');
  expect(await countSources(db)).toBe(3);
  expect(await countMemories(db)).toBe(2);
});

test('forgetting a page forgets the glimpse taken on it: one memory less (issue 12)', async () => {
  const { pageId } = await shortcut(1);
  await shortcut(2);
  await deleteSources(db, [pageId]);
  expect(await countSources(db)).toBe(2);
  expect(await countMemories(db)).toBe(1);
});

test('a glimpse left without its page (kept before issue 12) is a memory of its own', async () => {
  const { pageId } = await shortcut(1);
  await shortcut(2);
  await db.sources.delete(pageId);
  await db.links.where('toId').equals(pageId).delete();
  expect(await countMemories(db)).toBe(2);
});

test('an edit after the hold ran out is still the same memory', async () => {
  const { glimpseId } = await shortcut(1);
  await releaseExpired(db, 10 * 60_000);
  await editGlimpse(db, glimpseId, 'My own words about article 1.', 10 * 60_000);
  expect(await countSources(db)).toBe(3);
  expect(await countMemories(db)).toBe(1);
});
