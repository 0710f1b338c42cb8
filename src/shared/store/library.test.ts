import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spyOnTable } from '../../../tests/store/table-spy';
import { EngramDb } from '../db';
import type { CapturePayload } from '../protocol';
import { beginAttempt, commitIndexed, recordFailure } from './index-commit';
import { ingestJobId, MAX_ATTEMPTS } from './jobs';
import {
  conversationsCiting,
  idsInState,
  idsOfExtractors,
  idsOfKinds,
  idsOfLibraryKind,
  idsOfSite,
  idsSavedBetween,
  libraryKeys,
  linksAround,
  summariesOf,
} from './library-reads';
import { readFirstRows } from './first-rows';
import { addNote, retitleSource } from './library-writes';
import { retrySource } from './retry';
import { storeCapture, storeNote } from './sources';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`library-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const page = (url: string, text: string, links: string[] = []): CapturePayload => ({
  mode: 'page',
  url,
  title: text.slice(0, 20),
  text,
  links,
  extractor: 'readability',
});

async function indexed(capture: CapturePayload, at: number): Promise<string> {
  const { sourceId } = await storeCapture(db, capture, 'shortcut', at);
  const source = (await db.sources.get(sourceId))!;
  await commitIndexed(db, {
    source,
    chunks: [{ id: `${sourceId}#0`, sourceId, ord: 0, text: source.text, start: 0, end: 1 }],
  });
  return sourceId;
}

describe('library reads', () => {
  test('keys newest first from the savedAt index, rows without their text', async () => {
    const a = await indexed(page('https://a.example.com/1', 'First page text.'), 1_000);
    const b = await indexed(page('https://b.example.org/2', 'Second page text.'), 3_000);
    const n = (await storeNote(db, 'a note of mine', 'chat', 2_000)).sourceId;
    // One day: each key carries the day's newest time.
    expect(await libraryKeys(db)).toEqual({ ids: [b, n, a], times: [3_000, 3_000, 3_000] });
    const early = readFirstRows(2, db.name);
    const newest = await early.promise;
    expect(newest.map((s) => s.id)).toEqual([b, n]);
    expect(newest[0]).not.toHaveProperty('text');
    expect(early.value).toBe(newest);
    expect((await summariesOf(db, [a, 'gone', n])).map((s) => s.id)).toEqual([a, n]);
    expect(await idsSavedBetween(db, 2_000)).toEqual([n, b]);
    expect(await idsSavedBetween(db, 1_000, 3_000)).toEqual([a, n]);
  });

  test('the early read creates no database and gives way to an upgrade', async () => {
    const name = `none-${crypto.randomUUID()}`;
    expect(await readFirstRows(5, name).promise).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    // Dexie creates it afterwards as if nothing had been there.
    const later = new EngramDb(name);
    await later.open();
    expect(later.verno).toBeGreaterThan(1);
    later.close();
    await later.delete();
  });

  test('keys day by day across many days, and from a start', async () => {
    const day = 86_400_000;
    const noon = new Date(2026, 2, 10, 12).getTime();
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) {
      // Three a day, over three days, newest first: 12:00, 11:00, 10:00 …
      const at = noon - Math.floor(i / 3) * day - (i % 3) * 3_600_000;
      ids.push((await storeNote(db, `note number ${i}`, 'chat', at)).sourceId);
    }
    const keys = await libraryKeys(db);
    expect(keys.ids).toEqual(ids);
    expect(keys.times).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2].map((d) => noon - d * day));
    const since = await libraryKeys(db, noon - day - 3_600_000 - 1);
    expect(since.ids).toEqual(ids.slice(0, 5));
  });

  test('filter sets by kind, site and state (waiting, held, failed)', async () => {
    const a = await indexed(page('https://a.example.com/1', 'First page text.'), 1_000);
    const pending = (await storeCapture(db, page('https://a.example.com/2', 'Pending.'), 'menu'))
      .sourceId;
    const note = (await storeNote(db, 'note text', 'chat')).sourceId;
    await db.sources.update(note, { heldUntil: Date.now() + 60_000 });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await beginAttempt(db, ingestJobId(pending));
      await recordFailure(db, pending, 'extractor broke');
    }
    expect(await idsOfKinds(db, ['note'])).toEqual(new Set([note]));
    expect(await idsOfSite(db, 'a.example.com')).toEqual(new Set([a, pending]));
    expect(await idsInState(db, 'indexed')).toEqual(new Set([a]));
    expect(await idsInState(db, 'failed')).toEqual(new Set([pending]));
    expect(await idsInState(db, 'held')).toEqual(new Set([note]));
    expect(await idsInState(db, 'waiting')).toEqual(new Set());
  });

  test('PDFs and transcripts are pages told apart by their extractor', async () => {
    const web = await indexed(page('https://a.example.com/1', 'A web page.'), 1);
    const pdf = await indexed(
      { ...page('https://a.example.com/paper.pdf', 'A paper.'), extractor: 'pdf' },
      2,
    );
    const video = await indexed(
      {
        ...page('https://www.youtube.com/watch?v=abc', 'What the video says.'),
        extractor: 'youtube-transcript',
      },
      3,
    );
    const note = (await storeNote(db, 'a note', 'chat', 4)).sourceId;
    expect(await idsOfLibraryKind(db, 'pdf')).toEqual(new Set([pdf]));
    expect(await idsOfLibraryKind(db, 'transcript')).toEqual(new Set([video]));
    // Still pages for the kind filter, the search and the export.
    expect(await idsOfLibraryKind(db, 'page')).toEqual(new Set([web, pdf, video]));
    expect(await idsOfLibraryKind(db, 'note')).toEqual(new Set([note]));
    expect(await idsOfExtractors(db, ['pdf', 'youtube-transcript'])).toEqual(new Set([pdf, video]));
  });

  test('the extractor filter asks the index for each value exactly, never a range', async () => {
    const asked: unknown[] = [];
    spyOnTable(db, 'sources', (table) => ({
      query: (request) => {
        asked.push(request.query.range);
        return table.query(request);
      },
    }));
    await indexed({ ...page('https://a.example.com/p.pdf', 'A paper.'), extractor: 'pdf' }, 1);
    asked.length = 0;
    expect(await idsOfExtractors(db, ['pdf', 'youtube-transcript'])).toHaveProperty('size', 1);
    expect(asked).toHaveLength(2);
    for (const range of asked as Array<{ type: number; lower: unknown; upper: unknown }>) {
      // DBCoreRangeType.Equal: one key, no walk between the lowest and the highest asked for.
      expect(range.type).toBe(1);
      expect(range.lower).toBe(range.upper);
    }
  });

  test('links both ways, and the conversations that cited a source', async () => {
    const a = await indexed(
      page('https://a.example.com/1', 'Alpha.', ['https://b.example.org/2']),
      1,
    );
    const b = await indexed(page('https://b.example.org/2', 'Beta.'), 2);
    const around = await linksAround(db, b);
    expect(around.from.map((l) => [l.kind, l.source.id])).toEqual([['hyperlink', a]]);
    expect(around.to).toEqual([]);

    await db.conversations.bulkAdd([
      { id: 'c1', title: 'About beta', createdAt: 1, updatedAt: 5 },
      { id: 'c2', title: 'Other', createdAt: 1, updatedAt: 9 },
    ]);
    const cite = (sourceId: string) => ({
      n: 1,
      sourceId,
      chunkId: `${sourceId}#0`,
      title: '',
      site: '',
      url: '',
      savedAt: 0,
      quote: '',
      href: '',
    });
    await db.messages.bulkAdd([
      {
        id: 'm1',
        conversationId: 'c1',
        role: 'assistant',
        text: '',
        status: 'done',
        citations: [cite(b)],
        createdAt: 1,
        updatedAt: 1,
      },
      {
        id: 'm2',
        conversationId: 'c2',
        role: 'assistant',
        text: '',
        status: 'done',
        citations: [cite(a)],
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    expect((await conversationsCiting(db, b)).map((c) => c.id)).toEqual(['c1']);
  });
});

describe('library writes', () => {
  test('retry puts a failed source back to pending with a fresh job', async () => {
    const { sourceId } = await storeCapture(
      db,
      page('https://a.example.com/1', 'Breaks.'),
      'menu',
      10,
    );
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await beginAttempt(db, ingestJobId(sourceId));
      await recordFailure(db, sourceId, 'out of memory');
    }
    expect((await db.sources.get(sourceId))?.status).toBe('failed');
    expect(await retrySource(db, sourceId, 99)).toBe(true);
    const source = await db.sources.get(sourceId);
    expect(source?.status).toBe('pending');
    expect(source?.error).toBeUndefined();
    expect(await db.jobs.get(ingestJobId(sourceId))).toMatchObject({
      status: 'queued',
      attempts: 0,
      createdAt: 99,
    });
  });

  test('retry leaves an indexed or missing source alone', async () => {
    const a = await indexed(page('https://a.example.com/1', 'Fine.'), 1);
    expect(await retrySource(db, a)).toBe(false);
    expect(await db.jobs.count()).toBe(0);
    expect(await retrySource(db, 'src_missing')).toBe(false);
  });

  test('a new title is cleaned, redacted, and logged for the indexes', async () => {
    const a = await indexed(page('https://a.example.com/1', 'Fine.'), 1);
    const before = await db.indexLog.count();
    expect(await retitleSource(db, a, '  My   reading \n list ')).toBe(true);
    expect((await db.sources.get(a))?.title).toBe('My reading list');
    expect(await db.indexLog.count()).toBe(before + 1);
    expect(await retitleSource(db, a, '   ')).toBe(false);
    expect(await retitleSource(db, 'src_missing', 'x')).toBe(false);
    await retitleSource(db, a, 'card 4111 1111 1111 1111');
    expect((await db.sources.get(a))?.title).not.toContain('4111 1111');
  });

  test('a note is a pending note source linked to its source', async () => {
    const a = await indexed(page('https://a.example.com/1', 'Fine.'), 1);
    const note = await addNote(db, a, 'Read this again before the exam', 5);
    const row = await db.sources.get(note.sourceId);
    expect(row).toMatchObject({ kind: 'note', status: 'pending', origin: 'library' });
    expect(await db.jobs.get(ingestJobId(note.sourceId))).toBeDefined();
    const around = await linksAround(db, a);
    expect(around.from).toEqual([
      expect.objectContaining({ kind: 'note', text: 'Read this again before the exam' }),
    ]);
    await expect(addNote(db, 'src_missing', 'x')).rejects.toThrow();
  });
});
