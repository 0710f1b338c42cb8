import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { exportLines } from './export-jsonl';
import { exportRecord, exportHeader, RECORD_ORDER } from './records';
import { exportText, fillMemory } from '../../../tests/export/test-memory';
import { spyOnTable } from '../../../tests/store/table-spy';

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

  test('streamed: the first page of sources is yielded after reading only that page', async () => {
    // Every source row the database hands out, whatever the read (Dexie's lowest layer).
    const read = { rows: 0, cursors: 0 };
    spyOnTable(db, 'sources', (table) => ({
      get: async (request) => {
        const row: unknown = await table.get(request);
        if (row !== undefined) read.rows++;
        return row;
      },
      getMany: async (request) => {
        const rows: unknown[] = await table.getMany(request);
        read.rows += rows.filter((row) => row !== undefined).length;
        return rows;
      },
      query: async (request) => {
        const result = await table.query(request);
        if (request.values) read.rows += result.result.length;
        return result;
      },
      openCursor: (request) => {
        if (request.values) read.cursors++;
        return table.openCursor(request);
      },
    }));
    await fillMemory(db, 50);
    read.rows = 0;
    read.cursors = 0;
    const pageSize = 10;
    const chunks = exportLines(db, { pageSize });
    let first = '';
    for await (const chunk of chunks) {
      if (chunk.includes('"type":"source"')) {
        first = chunk;
        break; // The caller stops here: the generator is closed without reading further.
      }
    }
    const sourceLines = first.trimEnd().split('\n');
    expect(sourceLines).toHaveLength(pageSize);
    expect(sourceLines.every((l) => l.startsWith('{"type":"source"'))).toBe(true);
    // One page read (two at most, were a page read ahead), not the 51 sources.
    expect(read.rows).toBeGreaterThanOrEqual(pageSize);
    expect(read.rows).toBeLessThanOrEqual(2 * pageSize);
    expect(read.cursors).toBe(0);

    // The whole export comes in a chunk per page of sources, never as one string.
    let sourceChunks = 0;
    for await (const chunk of exportLines(db, { pageSize })) {
      if (chunk.includes('"type":"source"')) sourceChunks++;
    }
    expect(sourceChunks).toBe(Math.ceil(51 / pageSize));
  });
});
