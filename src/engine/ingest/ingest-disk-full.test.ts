/**
 * A full disk in the engine (issue 12): a write refused for lack of space is no fault of the job.
 * Its attempt is given back, so however long the disk stays full the job is never set aside as
 * failed; the run stops with every job still queued, the service worker is told (`onDiskFull`,
 * which the engine sends as `disk/full`), and once space is back the next run indexes them all.
 * The saved indexes' write refused the same way is reported too.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { ingestJobId, MAX_ATTEMPTS } from '../../shared/store/jobs';
import type { Embedder } from '../models/embedder';
import { Ingestor } from './ingest';
import { capturePage } from './ingest-test-kit';
import { MemoryIndex } from '../index/memory-index';

const spec = embeddingModel('engram/glove-100d-static');
let db: EngramDb;
/** While true, chunk (or snapshot) writes are refused as the browser does on a full disk. */
let full = false;
let fullForSnapshots = false;
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const refuse = () => {
  if (full) throw quota();
};
const refuseSnapshot = () => {
  if (fullForSnapshots) throw quota();
};
beforeEach(() => {
  db = new EngramDb(`ingest-disk-full-${crypto.randomUUID()}`);
  full = false;
  fullForSnapshots = false;
  db.chunks.hook('creating', refuse);
  db.indexSnapshots.hook('creating', refuseSnapshot);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const embedder = {
  spec,
  status: { state: 'ready' },
  isReady: true,
  embed: (texts: string[]) =>
    Promise.resolve(texts.map(() => Float32Array.from({ length: 100 }, () => 0.1))),
} as unknown as Embedder;

const jobOf = (sourceId: string) => db.jobs.get(ingestJobId(sourceId));

test('a job stopped by a full disk waits, uncounted, and is indexed when space is back', async () => {
  const now = Date.now();
  const ids = [
    (await capturePage(db, 'alpha', now - 1_000)).sourceId,
    (await capturePage(db, 'beta', now)).sourceId,
  ];
  const onDiskFull = vi.fn();
  const index = new MemoryIndex(spec);
  await index.load(db);
  const ingestor = new Ingestor(db, index, embedder, undefined, onDiskFull);

  full = true;
  // More runs than a crashing job is allowed: a full disk must never set a job aside.
  for (let run = 1; run <= MAX_ATTEMPTS + 2; run++) {
    await ingestor.kick();
    expect(onDiskFull).toHaveBeenCalledTimes(run);
  }
  for (const id of ids) {
    expect(await jobOf(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await db.sources.get(id)).toMatchObject({ status: 'pending' });
  }
  expect(await db.chunks.count()).toBe(0);

  full = false;
  await ingestor.kick();
  for (const id of ids) {
    expect(await db.sources.get(id)).toMatchObject({ status: 'indexed' });
    expect(await jobOf(id)).toBeUndefined();
  }
  expect(onDiskFull).toHaveBeenCalledTimes(MAX_ATTEMPTS + 2);
});

test('a job that fails for another reason still counts its attempt', async () => {
  const id = (await capturePage(db, 'gamma', Date.now())).sourceId;
  const broken = { ...embedder, embed: () => Promise.reject(new Error('bad tensor')) };
  const onDiskFull = vi.fn();
  const index = new MemoryIndex(spec);
  await index.load(db);
  await new Ingestor(db, index, broken as unknown as Embedder, undefined, onDiskFull).kick();
  expect(await jobOf(id)).toMatchObject({ attempts: 1, error: 'bad tensor' });
  expect(onDiskFull).not.toHaveBeenCalled();
});

test('the saved indexes refused for lack of space are reported, and written once space is back', async () => {
  await capturePage(db, 'delta', Date.now());
  const onDiskFull = vi.fn();
  const index = new MemoryIndex(spec, { persistAfterMs: 1, onDiskFull });
  await index.load(db);
  fullForSnapshots = true;
  // The commit's sync schedules the write of the saved indexes after the quiet time.
  await new Ingestor(db, index, embedder).kick();
  await vi.waitFor(() => expect(onDiskFull).toHaveBeenCalled());
  expect(await db.indexSnapshots.count()).toBe(0);
  fullForSnapshots = false;
  await index.persist(db);
  expect(await db.indexSnapshots.count()).toBeGreaterThan(0);
});
