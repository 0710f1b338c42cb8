/**
 * A full disk during an import (issue 12). Each batch of records is one transaction
 * (import-write.ts), so a write refused for lack of space undoes its whole batch: no source
 * without its job, no half-merged history. Batches committed before it stay, whole; an import
 * that fits in one batch leaves the memory exactly as it was.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { isQuotaError } from '../disk-full';
import { importExport } from './import-export';
import { body, exportText, fillMemory, streamOf } from '../../../tests/export/test-memory';

const dbs: EngramDb[] = [];
const fresh = () => {
  const db = new EngramDb(`import-full-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

/** Two memories holding the same nine sources: importing one into the other merges them all. */
let file: string;
let target: EngramDb;
beforeEach(async () => {
  const source = fresh();
  await fillMemory(source, 8);
  file = await exportText(source);
  target = fresh();
  await fillMemory(target, 8);
});

/** The disk fills after `room` source updates (each merge is one). */
function fillsAfter(room: number): void {
  let updates = 0;
  target.sources.hook('updating', () => {
    if (++updates > room)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

const seenCounts = async () =>
  new Map((await target.sources.toArray()).map((s) => [s.id, s.seenCount] as const));

test('an import that fits in one batch leaves the memory exactly as it was', async () => {
  const before = body(await exportText(target));
  fillsAfter(4);
  const error = await importExport(target, () => streamOf(file)).catch((e: unknown) => e);
  expect(isQuotaError(error)).toBe(true);
  expect(body(await exportText(target))).toBe(before);
});

test('in batches: those written before the full disk stay whole, the rest is untouched', async () => {
  const before = await seenCounts();
  const jobs = await target.jobs.count();
  fillsAfter(4);
  const error = await importExport(target, () => streamOf(file), { batchSize: 3 }).catch(
    (e: unknown) => e,
  );
  expect(isQuotaError(error)).toBe(true);
  // Sources in the file's order: each merged once (its counts added) or not at all.
  const order = file
    .split('\n')
    .filter((line) => line.includes('"type":"source"'))
    .map((line) => (JSON.parse(line) as { id: string }).id);
  const after = await seenCounts();
  const merged = order.map((id) => after.get(id) === 2 * before.get(id)!);
  for (const id of order) expect([before.get(id), 2 * before.get(id)!]).toContain(after.get(id));
  // A prefix of the file, whole batches of it, and fewer than the four updates there was room for.
  const count = merged.filter(Boolean).length;
  expect(merged).toEqual(order.map((_, i) => i < count));
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(4);
  expect(await target.jobs.count()).toBe(jobs);
});
