import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { exportRecord, exportHeader, RECORD_ORDER } from './records';
import { exportText, fillMemory } from '../../../tests/export/test-memory';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`export-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the JSON Lines export', () => {
  test('a header, records grouped by type in order and by key within a type, then the end', async () => {
    await fillMemory(db, 30);
    const text = await exportText(db, { now: new Date('2026-12-07T12:00:00Z'), pageSize: 7 });
    expect(text.endsWith('\n')).toBe(true);
    const [head, ...rest] = lines(text);
    const header = exportHeader.parse(head);
    expect(header.exportedAt).toBe('2026-12-07T12:00:00.000Z');
    expect(header.counts).toEqual({
      setting: 2,
      source: 31,
      link: 29,
      conversation: 1,
      message: 2,
    });
    const end = rest.pop()!;
    expect(end).toEqual({ type: 'end', counts: header.counts });
    const records = rest.map((r) => exportRecord.parse(r));
    const ranks = records.map((r) => RECORD_ORDER.indexOf(r.type as never));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const keyOf = (r: (typeof records)[number]): string =>
      'id' in r
        ? r.id
        : 'key' in r
          ? r.key
          : 'fromId' in r
            ? `${r.fromId} ${r.toId} ${r.kind}`
            : '';
    for (const type of RECORD_ORDER) {
      const keys = records.filter((r) => r.type === type).map(keyOf);
      expect(keys).toEqual([...keys].sort());
    }
  });

  test('local processing state stays home: no status, error, hold or progress', async () => {
    await fillMemory(db, 2);
    const text = await exportText(db);
    for (const word of ['"status":"pending"', '"heldUntil"', '"progress"', '"error"']) {
      expect(text).not.toContain(word);
    }
    // The answer's own status is part of the conversation.
    expect(text).toContain('"status":"done"');
  });

  test('the same memory gives the same bytes; only the date differs', async () => {
    await fillMemory(db, 12);
    const a = await exportText(db, { now: new Date(0), pageSize: 5 });
    const b = await exportText(db, { now: new Date(1e12), pageSize: 100 });
    expect(a).not.toBe(b);
    expect(a.slice(a.indexOf('\n'))).toBe(b.slice(b.indexOf('\n')));
  });

  test('a filter keeps its sources and the links between them, nothing else', async () => {
    const ids = await fillMemory(db, 10);
    const chosen = [ids[3]!, ids[4]!, ids[8]!, 'src_missing'];
    const text = await exportText(db, { filter: { ids: chosen } });
    const [head, ...rest] = lines(text);
    const records = rest.slice(0, -1);
    expect(exportHeader.parse(head).filter).toEqual({ ids: chosen });
    expect(records.filter((r) => r.type === 'source').map((r) => r.id)).toEqual(
      [ids[3], ids[4], ids[8]].sort(),
    );
    expect(records.filter((r) => r.type === 'link')).toEqual([
      { type: 'link', fromId: ids[4], toId: ids[3], kind: 'hyperlink' },
    ]);
    expect(
      records.some((r) => ['setting', 'conversation', 'message'].includes(r.type as string)),
    ).toBe(false);
  });

  test('filters by site, kind and time range', async () => {
    const t0 = 1_700_000_000_000;
    await fillMemory(db, 14, t0);
    const sources = async (filter: object) =>
      lines(await exportText(db, { filter })).filter((r) => r.type === 'source');
    expect((await sources({ sites: ['site2.example.com'] })).map((r) => r.url).sort()).toEqual([
      'https://site2.example.com/article/2',
      'https://site2.example.com/article/9',
    ]);
    expect((await sources({ kinds: ['note'] })).map((r) => r.kind)).toEqual(['note']);
    const window = await sources({ since: t0 + 3_000, until: t0 + 6_000 });
    expect(window.map((r) => r.savedAt).sort()).toEqual([t0 + 3_000, t0 + 4_000, t0 + 5_000]);
  });
});
