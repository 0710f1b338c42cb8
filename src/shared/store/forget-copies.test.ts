/**
 * Forgetting for real (issue 12), at the storage level: after a delete, no table holds the
 * forgotten page's words: not its glimpses, not the answers that quoted it, not a persisted index
 * part. The e2e test (tests/e2e/forget.e2e.test.ts) proves the same in real Chromium.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { markerPaths } from '../../../tests/fixtures/marker-scan';
import { EngramDb, type Citation } from '../db';
import type { CapturePayload } from '../protocol';
import { startExchange, updateMessage } from './conversations';
import {
  deleteSources,
  forgetSavedBetween,
  forgetSite,
  sourceIdsSavedBetween,
} from './delete-sources';
import { storeGlimpse } from './glimpses';
import { commitIndexed } from './index-commit';
import { KEYWORD_PART, SOURCES_PART, writePersisted, type PersistedIndex } from './index-snapshots';
import { storeCapture } from './sources';

const MARKER = 'zorblax7q';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`forget-copies-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const page = (url: string, text: string, title = 'A page'): CapturePayload => ({
  mode: 'page',
  url,
  title,
  text,
  links: [],
  extractor: 'readability',
});

async function keep(capture: CapturePayload, now = 1_000): Promise<string> {
  const { sourceId } = await storeCapture(db, capture, 'shortcut', now);
  const source = (await db.sources.get(sourceId))!;
  const chunk = { id: `${sourceId}#0`, sourceId, ord: 0, text: source.text, start: 0, end: 1 };
  await commitIndexed(db, { source, chunks: [chunk] });
  return sourceId;
}

/** Every row of every table, for the marker scan. */
async function everything(): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of db.tables) all[table.name] = await table.toArray();
  return all;
}

const cite = (n: number, sourceId: string, quote: string, title = 'A page'): Citation => ({
  n,
  sourceId,
  chunkId: `${sourceId}#0`,
  title,
  site: 'example.com',
  url: `https://example.com/${n}`,
  savedAt: 1_000,
  quote,
  href: `https://example.com/${n}#:~:text=${encodeURIComponent(quote)}`,
});

describe('forgetting removes every copy', () => {
  test("a page's glimpses go with it, held or not", async () => {
    const capture = page('https://example.com/a', `Intro.\n\nThe ${MARKER} paragraph.`);
    const pageId = await keep(capture);
    const glimpse = await storeGlimpse(
      db,
      capture,
      { seen: [], now: [`The ${MARKER} paragraph.`], buffered: false },
      pageId,
      2_000,
    );
    expect(glimpse?.heldUntil).toBeDefined();
    expect(markerPaths(await everything(), MARKER)).not.toEqual([]);

    expect((await deleteSources(db, [pageId])).sort()).toEqual([pageId, glimpse!.sourceId].sort());
    expect(markerPaths(await everything(), MARKER)).toEqual([]);
    expect(await db.sources.count()).toBe(0);
  });

  test('forgetting a glimpse keeps its page', async () => {
    const capture = page('https://example.com/a', 'Intro.\n\nThe page paragraph.');
    const pageId = await keep(capture);
    const glimpse = await storeGlimpse(
      db,
      capture,
      { seen: [], now: ['The page paragraph.'], buffered: false },
      pageId,
    );
    expect(await deleteSources(db, [glimpse!.sourceId])).toEqual([glimpse!.sourceId]);
    expect(await db.sources.get(pageId)).toBeDefined();
  });

  test('answers keep their numbers; the forgotten citation and its sentences are emptied', async () => {
    const gone = await keep(
      page('https://example.com/1', `The ${MARKER} lighthouse logged every storm.`, MARKER),
    );
    const kept = await keep(page('https://example.com/2', 'Tokio is an async runtime for Rust.'));
    const question = 'What about storms and async runtimes?';
    const { messageId, questionId, conversationId } = await startExchange(db, question);
    await updateMessage(db, messageId, {
      status: 'done',
      mode: 'extractive',
      text: `[1] “The ${MARKER} lighthouse logged every storm.”\n\n[2] “Tokio is an async runtime for Rust.”`,
      citations: [
        cite(1, gone, `The ${MARKER} lighthouse logged every storm.`, MARKER),
        cite(2, kept, 'Tokio is an async runtime for Rust.'),
      ],
    });
    // Another conversation that cites only the kept page is not touched.
    const other = await startExchange(db, 'Tokio?');
    const untouched = {
      status: 'done' as const,
      text: '[1] “Tokio is an async runtime for Rust.”',
      citations: [cite(1, kept, 'Tokio is an async runtime for Rust.')],
    };
    await updateMessage(db, other.messageId, untouched);

    await deleteSources(db, [gone]);
    const answer = (await db.messages.get(messageId))!;
    const [forgotten, staying] = answer.citations;
    expect(forgotten).toMatchObject({ n: 1, forgotten: true, savedAt: 0 });
    // Nothing that named or quoted the source is left: ids, title, site, addresses, quote.
    expect(Object.values(forgotten!).filter((v) => typeof v === 'string' && v !== '')).toEqual([]);
    expect(staying).toEqual(cite(2, kept, 'Tokio is an async runtime for Rust.'));
    expect(answer.text).toBe('[2] “Tokio is an async runtime for Rust.”');
    expect(answer.forgottenSentences).toBe(1);
    // The user's own words stay: the question and the conversation's title.
    expect((await db.messages.get(questionId))?.text).toBe(question);
    expect((await db.conversations.get(conversationId))?.title).toBe(question);
    expect(await db.messages.get(other.messageId)).toMatchObject(untouched);
    expect(markerPaths(await everything(), MARKER)).toEqual([]);
  });

  test('a follow-up searched with a forgotten source’s title forgets what was searched', async () => {
    const gone = await keep(
      page('https://example.com/1', 'Storm logs.', `The ${MARKER} lighthouse`),
    );
    const { messageId } = await startExchange(db, 'Who wrote the first one?');
    await updateMessage(db, messageId, {
      status: 'done',
      text: 'Nothing found.',
      searched: { query: `Who wrote "The ${MARKER} lighthouse"?`, named: [gone] },
    });
    const other = await startExchange(db, 'And last week?');
    const searched = { query: 'And last week? (storms)', time: 'last week' };
    await updateMessage(db, other.messageId, { status: 'done', text: 'None.', searched });

    await deleteSources(db, [gone]);
    expect((await db.messages.get(messageId))?.searched).toBeUndefined();
    expect((await db.messages.get(other.messageId))?.searched).toEqual(searched);
    expect(markerPaths(await everything(), MARKER)).toEqual([]);
  });

  test('an answer written after a forget it raced with stores nothing of the source', async () => {
    const sentence = `The ${MARKER} lighthouse logged every storm.`;
    const gone = await keep(page('https://example.com/1', sentence, MARKER));
    const { messageId } = await startExchange(db, 'What about storms?');
    // The engine read the page, then it was forgotten, then the answer's next step arrives.
    await deleteSources(db, [gone]);
    await updateMessage(db, messageId, {
      status: 'done',
      mode: 'extractive',
      text: `[1] “${sentence}”`,
      citations: [cite(1, gone, sentence, MARKER)],
    });
    expect(await db.messages.get(messageId)).toMatchObject({
      text: '',
      citations: [{ n: 1, forgotten: true, quote: '' }],
    });
    expect(markerPaths(await everything(), MARKER)).toEqual([]);
  });

  test('persisted index parts that hold the source are dropped; others are kept', async () => {
    const gone = await keep(page('https://example.com/1', `The ${MARKER} page.`));
    const other = await keep(page('https://example.com/2', 'Another page.'));
    const part = (ids: string[]) => ({ seq: 1, takenAt: 1, data: { facts: { ids } } });
    await db.indexSnapshots.bulkPut([
      { key: SOURCES_PART, ...part([other]) },
      { key: KEYWORD_PART, seq: 1, takenAt: 1, data: { terms: ['another'] } },
    ]);
    // Parts that do not list the source stay (it was never indexed into them)…
    await deleteSources(db, [gone]);
    expect(await db.indexSnapshots.count()).toBe(2);
    // …and parts that list it, or cannot say, go.
    await db.indexSnapshots.put({ key: SOURCES_PART, ...part([other, 'src_x']) });
    const third = await keep(page('https://example.com/3', 'Third page.'));
    await db.indexSnapshots.put({ key: SOURCES_PART, ...part([other, third]) });
    await deleteSources(db, [third]);
    expect(await db.indexSnapshots.count()).toBe(0);
    await db.indexSnapshots.put({ key: KEYWORD_PART, seq: 2, takenAt: 2, data: {} });
    await deleteSources(db, [other]);
    expect(await db.indexSnapshots.count()).toBe(0);
  });
});

test('parts taken before a forget are refused, not written back', async () => {
  const gone = await keep(page('https://example.com/1', `The ${MARKER} page.`));
  const seq = Number(await db.indexLog.orderBy('seq').lastKey());
  const taken = {
    seq,
    takenAt: 1,
    sightingsSince: 1,
    keyword: { terms: [MARKER] },
    sources: { ids: [gone] },
    dense: { modelId: 'm' },
  } as unknown as PersistedIndex;
  await deleteSources(db, [gone]);
  expect(await writePersisted(db, taken)).toBe(false);
  expect(await db.indexSnapshots.count()).toBe(0);
  // Parts that include the delete (a later position) are written.
  const after = Number(await db.indexLog.orderBy('seq').lastKey());
  const fresh = { ...taken, seq: after, keyword: { terms: [] }, sources: { ids: [] } };
  expect(await writePersisted(db, fresh as unknown as PersistedIndex)).toBe(true);
});

describe('forgetting a time range or a site', () => {
  test('sourceIdsSavedBetween takes what was saved in [from, to), whenever seen since', async () => {
    const early = await keep(page('https://a.com/1', 'Early.'), 1_000);
    const inside = await keep(page('https://a.com/2', 'Inside.'), 2_000);
    const edge = await keep(page('https://a.com/3', 'Edge.'), 3_000);
    // Saved early, seen again inside the range: it was not saved then.
    await storeCapture(db, page('https://a.com/1', 'Early.'), 'shortcut', 2_500);
    expect(await sourceIdsSavedBetween(db, 2_000, 3_000)).toEqual([inside]);
    expect((await sourceIdsSavedBetween(db, 0, Infinity)).sort()).toEqual(
      [early, inside, edge].sort(),
    );
    expect(await sourceIdsSavedBetween(db, 3_000, 3_000)).toEqual([]);
    expect(await forgetSavedBetween(db, 2_000, Infinity)).toEqual(
      expect.arrayContaining([inside, edge]),
    );
    expect((await db.sources.toArray()).map((s) => s.id)).toEqual([early]);
  });

  test('forgetSite takes the site and its subdomains', async () => {
    const a = await keep(page('https://news.example.com/1', 'News.'));
    const b = await keep(page('https://example.com/2', 'Home.'));
    const c = await keep(page('https://other.org/3', 'Other.'));
    expect((await forgetSite(db, 'example.com')).sort()).toEqual([a, b].sort());
    expect((await db.sources.toArray()).map((s) => s.id)).toEqual([c]);
  });
});
