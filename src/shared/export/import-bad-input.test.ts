import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { ImportError, type ImportProblem } from './import-error';
import { importExport } from './import-export';
import { body, exportText, fillMemory, streamOf } from '../../../tests/export/test-memory';

let source: EngramDb;
let good: string;
let db: EngramDb;
beforeAll(async () => {
  source = new EngramDb(`bad-source-${crypto.randomUUID()}`);
  await fillMemory(source, 4);
  good = await exportText(source);
  source.close();
  await source.delete();
});
beforeEach(async () => {
  db = new EngramDb(`bad-${crypto.randomUUID()}`);
  // An existing memory, which a bad file must leave exactly as it was.
  await fillMemory(db, 2, 1_600_000_000_000);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const goodLines = () => good.trimEnd().split('\n');
const withLine = (n: number, replace: (line: string) => string) =>
  `${goodLines()
    .map((l, i) => (i + 1 === n ? replace(l) : l))
    .join('\n')}\n`;
/** The line number of the first line holding `needle`. */
const lineOf = (needle: string) => goodLines().findIndex((l) => l.includes(needle)) + 1;

async function expectRefused(text: string, problem: ImportProblem, line: number, detail?: RegExp) {
  const before = await exportText(db);
  const error = await importExport(db, () => streamOf(text)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const refused = error as ImportError;
  expect({ problem: refused.problem, line: refused.line }).toEqual({ problem, line });
  if (detail) expect(refused.detail).toMatch(detail);
  // Nothing imported: every table exactly as before.
  expect(body(await exportText(db))).toBe(body(before));
  expect(await db.jobs.count()).toBe(3);
}

describe('a bad file imports nothing and names the line and the problem', () => {
  test('truncated: cut in the middle of a line', async () => {
    const cut = good.slice(0, good.indexOf('\n', good.length / 2) + 40);
    const line = cut.split('\n').length;
    await expectRefused(cut, 'truncated', line);
  });

  test('truncated: cut at a line end, before the end record', async () => {
    const lines = goodLines();
    await expectRefused(`${lines.slice(0, -3).join('\n')}\n`, 'truncated', lines.length - 2);
  });

  test('another format version', async () => {
    await expectRefused(
      withLine(1, (l) => l.replace('"version":1', '"version":2')),
      'wrong-version',
      1,
      /2/,
    );
  });

  test('not an Engram export at all', async () => {
    await expectRefused('{"hello":"world"}\n', 'not-export', 1);
    await expectRefused('<html><body>hi</body></html>\n', 'not-json', 1);
  });

  test('an empty file', async () => {
    await expectRefused('', 'empty', 1);
  });

  test('a malformed line', async () => {
    const n = lineOf('"type":"source"') + 1;
    await expectRefused(
      withLine(n, (l) => l.slice(0, -5)),
      'not-json',
      n,
    );
  });

  test('a field of the wrong type names the record type and the field', async () => {
    const n = lineOf('"type":"source"');
    await expectRefused(
      withLine(n, (l) => l.replace(/"seenCount":\d+/, '"seenCount":"many"')),
      'bad-record',
      n,
      /^source\.seenCount: expected number, received string/,
    );
    await expectRefused(
      withLine(n, (l) => l.replace(/"title":"[^"]*"/, '"title":42')),
      'bad-record',
      n,
      /^source\.title: expected string/,
    );
  });

  test('a missing field, an unknown field, an unknown record type', async () => {
    const n = lineOf('"type":"link"');
    await expectRefused(
      withLine(n, (l) => l.replace(/,"kind":"[a-z]+"/, '')),
      'bad-record',
      n,
      /link\.kind/,
    );
    await expectRefused(
      withLine(n, (l) => l.replace('}', ',"weight":3}')),
      'bad-record',
      n,
      /weight/,
    );
    await expectRefused(
      withLine(n, () => '{"type":"vector","id":"x"}'),
      'bad-record',
      n,
    );
  });

  test('a bad line at the very end still imports nothing', async () => {
    const n = goodLines().length - 1; // the last message, just before the end record
    await expectRefused(
      withLine(n, (l) => l.replace(/"role":"[a-z]+"/, '"role":"robot"')),
      'bad-record',
      n,
    );
  });

  test('records out of their place, duplicates, links to sources the file lacks', async () => {
    const lines = goodLines();
    const link = lineOf('"type":"link"');
    const moved = [lines[0], lines[link - 1], ...lines.slice(1, link - 1), ...lines.slice(link)];
    await expectRefused(`${moved.join('\n')}\n`, 'dangling', 2);
    const src = lineOf('"type":"source"');
    const twice = [...lines.slice(0, src), lines[src - 1], ...lines.slice(src)];
    await expectRefused(`${twice.join('\n')}\n`, 'duplicate', src + 1);
    const setting = lineOf('"type":"setting"');
    const late = [
      lines[0],
      ...lines.slice(setting, link),
      lines[setting - 1],
      ...lines.slice(link),
    ];
    await expectRefused(`${late.join('\n')}\n`, 'out-of-order', link);
  });

  test('a setting Engram does not export, or a value its schema refuses', async () => {
    const n = lineOf('"type":"setting"');
    await expectRefused(
      withLine(n, () => '{"type":"setting","key":"pause","value":null}'),
      'bad-setting',
      n,
      /pause/,
    );
    await expectRefused(
      withLine(n, () => '{"type":"setting","key":"glimpseMinutes","value":9999}'),
      'bad-setting',
      n,
    );
  });

  test('end counts that do not match, and lines after the end', async () => {
    const last = goodLines().length;
    await expectRefused(
      withLine(last, (l) => l.replace('"source":5', '"source":6')),
      'count-mismatch',
      last,
      /source/,
    );
    await expectRefused(`${good}{"type":"link"}\n`, 'after-end', last + 1);
  });

  test('bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(goodLines()[0]! + '\n'),
      0xff,
      0xfe,
      0x0a,
    ]);
    const error = await importExport(db, () => new Blob([bytes]).stream()).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'not-utf8' });
  });

  test('a 2 GB file with a line of 2 GB stops reading at the line limit', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1 << 20).fill(0x61); // 1 MiB of "a", no newline
    const header = new TextEncoder().encode(`${goodLines()[0]}\n{"type":"source","title":"`);
    const twoGb = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(header);
        },
        pull(controller) {
          if (pulled >= 2 * 1024) return controller.close();
          pulled++;
          controller.enqueue(chunk);
        },
      });
    const error = await importExport(db, twoGb, { maxLineChars: 8 * 1024 * 1024 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ problem: 'line-too-long', line: 2 });
    // Stopped after about the limit, a few chunks of read-ahead at most: not 2 GB.
    expect(pulled).toBeLessThan(16);
  });

  test('a long valid file streams through without being held whole', async () => {
    // The file arrives 7 bytes at a time: lines are put together across pieces.
    const lines = goodLines();
    const sources = lines.filter((l) => l.includes('"type":"source"'));
    expect(sources.length).toBe(5);
    const text = good;
    let pieces = 0;
    const trickle = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let at = 0; at < bytes.length; at += 7) {
            controller.enqueue(bytes.slice(at, at + 7));
            pieces++;
          }
          controller.close();
        },
      });
    const { summary } = await importExport(db, trickle);
    expect(pieces).toBeGreaterThan(100);
    // Pages 0 and 1 and the note are in both memories (same text, same id): merged.
    expect(summary).toMatchObject({ added: 2, merged: 3 });
  });
});
