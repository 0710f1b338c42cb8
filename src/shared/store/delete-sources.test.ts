import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import type { CapturePayload } from '../protocol';
import { deleteSources, normaliseSite, sourceIdsOfSite } from './delete-sources';
import { commitIndexed } from './index-commit';
import { storeCapture, storeNote } from './sources';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`delete-${crypto.randomUUID()}`);
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

/** Stores and commits a page with one chunk per paragraph; returns its source id. */
async function keep(capture: CapturePayload): Promise<string> {
  const { sourceId } = await storeCapture(db, capture, 'shortcut');
  const source = (await db.sources.get(sourceId))!;
  const chunks = source.text.split('\n\n').map((text, ord) => ({
    id: `${sourceId}#${ord}`,
    sourceId,
    ord,
    text,
    start: 0,
    end: text.length,
  }));
  await commitIndexed(db, { source, chunks });
  return sourceId;
}

describe('deleteSources', () => {
  test('removes the source, its chunks, mention, links both ways and jobs; keeps the rest', async () => {
    const a = await keep(
      page('https://news.example.com/a', 'Alpha page.\n\nMore alpha.', ['https://other.org/c']),
    );
    const c = await keep(
      page('https://other.org/c', 'Gamma page.', ['https://news.example.com/a']),
    );
    const b = await keep(
      page('https://example.com/b', 'Beta page.', ['https://news.example.com/a']),
    );
    const queued = (await storeCapture(db, page('https://example.com/q', 'Queued page.'), 'menu'))
      .sourceId;
    expect(await db.links.where('toId').equals(a).count()).toBe(2);

    expect(await deleteSources(db, [a, queued, 'src_unknown'])).toEqual(
      expect.arrayContaining([a, queued]),
    );

    expect(await db.sources.bulkGet([a, queued])).toEqual([undefined, undefined]);
    expect(await db.chunks.where('sourceId').anyOf([a, queued]).count()).toBe(0);
    expect(await db.jobs.count()).toBe(0);
    expect(await db.mentions.where('sourceId').equals(a).count()).toBe(0);
    expect((await db.links.toArray()).filter((l) => l.fromId === a || l.toId === a)).toEqual([]);
    // What was not asked for stays, and so does a site entity still mentioned.
    expect(await db.chunks.where('sourceId').anyOf([b, c]).count()).toBe(2);
    expect(await db.entities.get('site:example.com')).toBeDefined();
    expect(await db.entities.get('site:news.example.com')).toBeUndefined();
    expect(await db.entities.get('site:other.org')).toBeDefined();
    // One log entry per deleted source, after the commits' entries.
    const log = await db.indexLog.toArray();
    expect(
      log
        .slice(-2)
        .map((e) => e.sourceId)
        .sort(),
    ).toEqual([a, queued].sort());
  });

  test('a retried delete finds nothing more to do', async () => {
    const a = await keep(page('https://example.com/a', 'Alpha page.'));
    expect(await deleteSources(db, [a])).toEqual([a]);
    expect(await deleteSources(db, [a])).toEqual([]);
    expect(await deleteSources(db, [])).toEqual([]);
  });

  test('a commit that lands after the delete does not bring the source back', async () => {
    const { sourceId } = await storeCapture(
      db,
      page('https://example.com/a', 'Alpha.'),
      'shortcut',
    );
    const source = (await db.sources.get(sourceId))!;
    await deleteSources(db, [sourceId]);
    const chunk = { id: `${sourceId}#0`, sourceId, ord: 0, text: 'Alpha.', start: 0, end: 6 };
    expect(await commitIndexed(db, { source, chunks: [chunk] })).toBe(false);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
  });
});

describe('sourceIdsOfSite', () => {
  test('matches the host and its subdomains, never a look-alike or a note', async () => {
    const ids = await Promise.all([
      keep(page('https://example.com/1', 'One.')),
      keep(page('https://www.example.com/2', 'Two.')),
      keep(page('https://news.example.com/3', 'Three.')),
    ]);
    await keep(page('https://notexample.com/4', 'Four.'));
    await keep(page('https://example.com.evil.org/5', 'Five.'));
    await storeNote(db, 'A note mentioning example.com', 'chat');
    for (const site of [
      'example.com',
      'EXAMPLE.com',
      'www.example.com',
      '*.example.com',
      'https://example.com/x',
    ]) {
      expect((await sourceIdsOfSite(db, site)).sort()).toEqual([...ids].sort());
    }
    expect(await sourceIdsOfSite(db, 'news.example.com')).toEqual([ids[2]]);
    expect(await sourceIdsOfSite(db, 'nothing.example')).toEqual([]);
    await expect(sourceIdsOfSite(db, ' / ')).rejects.toThrow(/empty/);
  });

  test('normaliseSite', () => {
    expect(normaliseSite(' HTTPS://www.Example.com:8080/path?q#f ')).toBe('example.com:8080');
    expect(normaliseSite('*.example.com.')).toBe('example.com');
  });
});
