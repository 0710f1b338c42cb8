import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { readSetting } from '../settings';
import { ingestJobId } from '../store/jobs';
import { importExport } from './import-export';
import { syntheticExport } from '../../../tests/export/synthetic-export';
import { body, exportText, fillMemory, streamOf } from '../../../tests/export/test-memory';

const dbs: EngramDb[] = [];
const fresh = () => {
  const db = new EngramDb(`import-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};
let db: EngramDb;
beforeEach(() => {
  db = fresh();
});
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

const importText = (into: EngramDb, text: string) => importExport(into, () => streamOf(text));

describe('importing an export', () => {
  test('into a fresh memory: every record, sources pending with a job dated when they were saved', async () => {
    const ids = await fillMemory(db, 8);
    const text = await exportText(db);
    const target = fresh();
    const { summary, header } = await importText(target, text);
    expect(summary).toEqual({
      added: 9,
      merged: 0,
      links: 7,
      conversations: 1,
      messages: 2,
      settings: 2,
    });
    expect(header.counts.source).toBe(9);
    const source = (await target.sources.get(ids[2]!))!;
    expect(source.status).toBe('pending');
    const job = (await target.jobs.get(ingestJobId(source.id)))!;
    expect(job).toMatchObject({ status: 'queued', createdAt: source.savedAt });
    expect(await readSetting(target, 'glimpseMinutes')).toBe(5);
    expect(body(await exportText(target))).toBe(body(text));
  });

  test('merging never duplicates: a source here keeps the later sighting and adds the counts', async () => {
    const t0 = 1_700_000_000_000;
    const [first] = await fillMemory(db, 3, t0);
    const text = await exportText(db);
    // The other memory saw the first page earlier and later than the file did, once more each.
    const target = fresh();
    await fillMemory(target, 1, t0 - 10_000);
    const mine = (await target.sources.get(first!))!;
    await target.sources.update(first!, { lastSeenAt: t0 + 99_000, seenCount: 3, title: 'Mine' });
    await target.sources.update(first!, { status: 'indexed' });
    await target.jobs.clear();
    const { summary } = await importText(target, text);
    expect(summary.added).toBe(2);
    expect(summary.merged).toBe(2); // the first page and the note
    const merged = (await target.sources.get(first!))!;
    expect(merged).toMatchObject({
      savedAt: mine.savedAt,
      lastSeenAt: t0 + 99_000,
      seenCount: 4,
      title: 'Mine',
      status: 'indexed',
    });
    expect(await target.sources.count()).toBe(4);
    // A source already indexed here is not queued again.
    expect(await target.jobs.get(ingestJobId(first!))).toBeUndefined();
    // Its own conversation and the imported one; importing again adds no row anywhere.
    expect(await target.conversations.count()).toBe(2);
    expect(await target.messages.count()).toBe(4);
    await importText(target, text);
    expect(await target.sources.count()).toBe(4);
    expect(await target.links.count()).toBe(2);
    expect(await target.conversations.count()).toBe(2);
    expect(await target.messages.count()).toBe(4);
  });

  test('the later of two sightings wins, whichever memory had it', async () => {
    const t0 = 1_700_000_000_000;
    const [first] = await fillMemory(db, 1, t0);
    await db.sources.update(first!, { lastSeenAt: t0 + 50_000, seenCount: 2 });
    const target = fresh();
    await fillMemory(target, 1, t0 + 1_000);
    await importText(target, await exportText(db));
    expect(await target.sources.get(first!)).toMatchObject({
      savedAt: t0,
      lastSeenAt: t0 + 50_000,
      seenCount: 3,
    });
  });

  test('site rules merge, the stricter rule winning for the same pattern', async () => {
    await fillMemory(db, 1);
    const target = fresh();
    const { writeSetting } = await import('../settings');
    await writeSetting(target, 'siteRules', [
      { pattern: 'news.example.org', policy: 'never' },
      { pattern: 'mine.example.net', policy: 'full' },
    ]);
    await importText(target, await exportText(db));
    expect(await readSetting(target, 'siteRules')).toEqual([
      { pattern: 'mine.example.net', policy: 'full' },
      { pattern: 'news.example.org', policy: 'never' },
    ]);
  });

  test('HTML in a title is kept as the same text, not parsed or stripped', async () => {
    const [first] = await fillMemory(db, 1);
    await db.sources.update(first!, { title: '<img src=x onerror=alert(1)><script>x()</script>' });
    const target = fresh();
    await importText(target, await exportText(db));
    expect((await target.sources.get(first!))!.title).toBe(
      '<img src=x onerror=alert(1)><script>x()</script>',
    );
  });

  test('round trip at 3,000 sources: export → import into a fresh memory → export is identical', async () => {
    const text = syntheticExport(3_000);
    const first = fresh();
    await importText(first, text);
    const once = await exportText(first);
    const second = fresh();
    const { summary } = await importText(second, once);
    expect(summary.added).toBe(3_000);
    const twice = await exportText(second);
    expect(body(twice)).toBe(body(once));
    expect(body(once)).toBe(body(text));
  }, 120_000);
});
