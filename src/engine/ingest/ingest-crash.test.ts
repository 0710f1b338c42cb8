/**
 * A job that kills the engine (issue 12): its attempt is counted before it runs, so at the next
 * start it waits behind the jobs never tried, and after MAX_ATTEMPTS it is set aside as failed
 * instead of running at every start. "The engine dies" is an embedding that never returns: the
 * ingestor is abandoned there, and a new one on the same database is the restarted engine.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import { ingestJobId, MAX_ATTEMPTS } from '../../shared/store/jobs';
import type { Embedder } from '../models/embedder';
import { Ingestor } from './ingest';
import { capturePage, until } from './ingest-test-kit';
import { MemoryIndex } from '../index/memory-index';

const spec = embeddingModel('engram/glove-100d-static');
let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`ingest-crash-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const capture = async (name: string, at: number) => (await capturePage(db, name, at)).sourceId;

/** An embedder that dies (never answers) on text holding `poison`, and throws on `broken`. */
const embedder = {
  spec,
  status: { state: 'ready' },
  isReady: true,
  embed: (texts: string[]) => {
    if (texts.some((t) => t.includes('poison'))) return new Promise(() => undefined);
    if (texts.some((t) => t.includes('broken'))) return Promise.reject(new Error('bad tensor'));
    return Promise.resolve(texts.map(() => Float32Array.from({ length: 100 }, () => 0.1)));
  },
} as unknown as Embedder;

/** A fresh engine: a new index and ingestor over the same database, kicked once. */
async function startEngine(): Promise<void> {
  const index = new MemoryIndex(spec);
  await index.load(db);
  void new Ingestor(db, index, embedder).kick();
}

const attemptsOf = async (sourceId: string) => (await db.jobs.get(ingestJobId(sourceId)))?.attempts;
const statusOf = async (sourceId: string) => (await db.sources.get(sourceId))?.status;

test('a job that kills the engine is counted, waits behind the others, then is set aside', async () => {
  const now = Date.now();
  const poison = await capture('poison', now - 2_000); // the oldest: first in line
  const healthy = [await capture('alpha', now - 1_000), await capture('beta', now)];

  // Start 1: the poison job runs first and the engine dies in it, its attempt already counted.
  await startEngine();
  await until(async () => (await attemptsOf(poison)) === 1);
  expect(await Promise.all(healthy.map(statusOf))).toEqual(['pending', 'pending']);

  // Start 2: the jobs never tried go first, so they are indexed before the poison kills again.
  await startEngine();
  await until(async () => (await attemptsOf(poison)) === 2);
  await until(async () => (await Promise.all(healthy.map(statusOf))).every((s) => s === 'indexed'));

  // Start 3 dies in its last attempt; start 4 sets the job aside instead of running it.
  await startEngine();
  await until(async () => (await attemptsOf(poison)) === MAX_ATTEMPTS);
  await startEngine();
  await until(async () => (await statusOf(poison)) === 'failed');
  expect(await db.sources.get(poison)).toMatchObject({ errorCode: 'engine-stopped' });
  expect(await db.jobs.get(ingestJobId(poison))).toMatchObject({
    status: 'failed',
    attempts: MAX_ATTEMPTS,
    errorCode: 'engine-stopped',
  });

  // Start 5 finds nothing to run: the set-aside job never runs again by itself.
  await startEngine();
  await new Promise((r) => setTimeout(r, 100));
  expect(await attemptsOf(poison)).toBe(MAX_ATTEMPTS);
  expect(await db.chunks.where('sourceId').equals(poison).count()).toBe(0);
});

test('a job that throws is tried MAX_ATTEMPTS times in all, then failed with the message', async () => {
  const broken = await capture('broken', Date.now());
  for (let start = 1; start <= MAX_ATTEMPTS; start++) {
    const index = new MemoryIndex(spec);
    await index.load(db);
    await new Ingestor(db, index, embedder).kick();
    expect(await attemptsOf(broken)).toBe(start);
  }
  expect(await db.sources.get(broken)).toMatchObject({
    status: 'failed',
    errorCode: 'error',
    error: 'bad tensor',
  });
});
