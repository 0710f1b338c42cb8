import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import type { CapturePayload, GlimpsePayload } from '../protocol';
import {
  discardGlimpse,
  editGlimpse,
  GLIMPSE_HOLD_MS,
  releaseExpired,
  storeGlimpse,
} from './glimpses';
import { heldGlimpses } from './source-reads';
import { storeCapture } from './sources';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const page = (over: Partial<CapturePayload> = {}): CapturePayload => ({
  mode: 'page',
  url: 'https://example.com/article',
  title: 'An article',
  text: 'Intro.\n\nThe first paragraph.\n\nThe second paragraph.\n\nThe end.',
  links: [],
  extractor: 'readability',
  ...over,
});

const glimpse: GlimpsePayload = {
  seen: [
    { text: 'The second paragraph.', firstSeenAt: 20, lastSeenAt: 30, visibleMs: 1_500 },
    { text: 'The first paragraph.', firstSeenAt: 10, lastSeenAt: 12, visibleMs: 1_200 },
  ],
  now: ['The second paragraph.'],
  buffered: true,
};

async function saveGlimpse(now = 1_000) {
  const stored = await storeCapture(db, page(), 'shortcut', now);
  const kept = await storeGlimpse(db, page(), glimpse, stored.sourceId, now);
  if (!kept) throw new Error('no glimpse stored');
  return { pageId: stored.sourceId, glimpseId: kept.sourceId, kept };
}

describe('glimpses', () => {
  test('a glimpse is held for review, with no job, and linked to its page', async () => {
    const { pageId, glimpseId, kept } = await saveGlimpse();
    expect(kept).toMatchObject({ isNew: true, blocks: 2, heldUntil: 1_000 + GLIMPSE_HOLD_MS });
    const row = await db.sources.get(glimpseId);
    expect(row).toMatchObject({ kind: 'glimpse', status: 'pending', origin: 'shortcut' });
    expect(row?.text).toBe('The first paragraph.\n\nThe second paragraph.');
    expect((await db.jobs.toArray()).map((j) => j.sourceId)).toEqual([pageId]);
    expect(await db.links.toArray()).toEqual([
      { fromId: glimpseId, toId: pageId, kind: 'glimpse' },
    ]);
    expect((await heldGlimpses(db)).map((s) => s.id)).toEqual([glimpseId]);
  });

  test('when the hold runs out the glimpse is queued, so nothing is lost unreviewed', async () => {
    const { glimpseId } = await saveGlimpse(1_000);
    expect(await releaseExpired(db, 1_000 + GLIMPSE_HOLD_MS - 1)).toEqual({
      released: 0,
      next: 1_000 + GLIMPSE_HOLD_MS,
    });
    expect(await releaseExpired(db, 1_000 + GLIMPSE_HOLD_MS)).toEqual({
      released: 1,
      next: undefined,
    });
    expect(await db.jobs.get(`ingest:${glimpseId}`)).toMatchObject({ status: 'queued' });
    expect((await db.sources.get(glimpseId))?.heldUntil).toBeUndefined();
    expect(await heldGlimpses(db)).toEqual([]);
  });

  test('editing a held glimpse replaces it and queues the edit, keeping the page link', async () => {
    const { pageId, glimpseId } = await saveGlimpse();
    const editedId = await editGlimpse(db, glimpseId, 'Only the first paragraph, my words.');
    expect(editedId).not.toBe(glimpseId);
    expect(await db.sources.get(glimpseId)).toBeUndefined();
    expect(await db.sources.get(editedId)).toMatchObject({
      kind: 'glimpse',
      text: 'Only the first paragraph, my words.',
    });
    expect(await db.jobs.get(`ingest:${editedId}`)).toBeDefined();
    expect(await db.links.toArray()).toEqual([{ fromId: editedId, toId: pageId, kind: 'glimpse' }]);
  });

  test('an edit after the hold ran out is a new version linked to the indexed glimpse', async () => {
    const { glimpseId } = await saveGlimpse(1_000);
    await releaseExpired(db, 1_000 + GLIMPSE_HOLD_MS);
    const editedId = await editGlimpse(db, glimpseId, 'Later thoughts.');
    expect(await db.sources.get(glimpseId)).toBeDefined();
    expect(await db.links.get([editedId, glimpseId, 'version'])).toBeDefined();
  });

  test('discarding a held glimpse removes it; an indexed one cannot be discarded here', async () => {
    const first = await saveGlimpse(1_000);
    await discardGlimpse(db, first.glimpseId);
    expect(await db.sources.get(first.glimpseId)).toBeUndefined();
    expect(await db.links.count()).toBe(0);
    const second = await saveGlimpse(2_000);
    await releaseExpired(db, 2_000 + GLIMPSE_HOLD_MS);
    await expect(discardGlimpse(db, second.glimpseId)).rejects.toThrow(/already in your memory/);
  });

  test('an empty edit is refused and loses nothing', async () => {
    const { glimpseId } = await saveGlimpse();
    await expect(editGlimpse(db, glimpseId, '   ')).rejects.toThrow(/empty/);
    expect(await db.sources.get(glimpseId)).toBeDefined();
  });

  test('secrets on screen are redacted before the glimpse is stored', async () => {
    const stored = await storeCapture(db, page(), 'shortcut', 1);
    const kept = await storeGlimpse(
      db,
      page(),
      { seen: [], now: ['Card 4111 1111 1111 1111 on screen.'], buffered: false },
      stored.sourceId,
    );
    const row = await db.sources.get(kept!.sourceId);
    expect(row?.text).not.toContain('4111 1111');
    expect(row?.extractor).toBe('glimpse-now');
  });
});

describe('automatic capture in storage', () => {
  test('read parts are marked as ranges of the stored text', async () => {
    const stored = await storeCapture(db, page(), 'auto', 1, {
      read: ['The second paragraph.', 'not on the page'],
    });
    const row = await db.sources.get(stored.sourceId);
    expect(row?.origin).toBe('auto');
    const [range] = row?.read ?? [];
    expect(row?.text.slice(range!.start, range!.end)).toBe('The second paragraph.');
  });

  test('changed content at the same URL is a new version linked to the old one', async () => {
    const first = await storeCapture(db, page(), 'auto', 1);
    const again = await storeCapture(db, page(), 'auto', 2);
    expect(again).toMatchObject({ sourceId: first.sourceId, isNew: false });
    expect((await db.sources.get(first.sourceId))?.seenCount).toBe(2);
    const changed = await storeCapture(db, page({ text: 'A rewritten article.' }), 'auto', 3);
    expect(changed.isNew).toBe(true);
    expect(await db.links.toArray()).toEqual([
      { fromId: changed.sourceId, toId: first.sourceId, kind: 'version' },
    ]);
    expect(await db.sources.count()).toBe(2);
  });
});
