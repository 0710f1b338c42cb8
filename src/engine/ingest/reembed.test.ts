import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { quantizeInt8 } from '../../core/index/vector';
import { EngramDb } from '../../shared/db';
import { embeddingModel, type EmbeddingModelSpec } from '../../shared/model-registry';
import { vectorFor } from '../../shared/store/chunk-vectors';
import { commitIndexed } from '../../shared/store/index-commit';
import { storeCapture } from '../../shared/store/sources';
import type { Embedder } from '../models/embedder';
import { IndexingPace } from './indexing-pace';
import { Ingestor } from './ingest';
import { MemoryIndex } from '../index/memory-index';
import { activeEmbeddingModel, embeddingPlan, ReEmbedder } from './reembed';

const oldModel = embeddingModel('engram/glove-100d-static');
const newModel: EmbeddingModelSpec = { ...oldModel, id: 'test/new-model', dims: 12 };

/** A deterministic embedder for `spec` that can be told to fail after some batches. */
function fakeEmbedder(spec: EmbeddingModelSpec, failAfterBatches = Infinity) {
  const embedded: string[] = [];
  let batches = 0;
  const embedder = {
    spec,
    isReady: true,
    status: { state: 'ready' },
    load: () => Promise.resolve(),
    embed: (texts: readonly string[]) => {
      if (batches++ >= failAfterBatches) return Promise.reject(new Error('browser closed'));
      embedded.push(...texts);
      return Promise.resolve(
        texts.map((t) =>
          Float32Array.from({ length: spec.dims }, (_, i) => Math.cos(t.length * i)),
        ),
      );
    },
  } as unknown as Embedder;
  return { embedder, embedded };
}

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`reembed-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** 100 pages of one chunk each, embedded by the old model. */
async function keepPages(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const text = `Page ${i} about ${'word '.repeat(i % 9)}things.`;
    const { sourceId } = await storeCapture(
      db,
      {
        mode: 'page',
        url: `https://e.example/${i}`,
        title: `P${i}`,
        text,
        links: [],
        extractor: 'readability',
      },
      'shortcut',
    );
    const source = (await db.sources.get(sourceId))!;
    const vector = quantizeInt8(Float32Array.from({ length: 100 }, (_, j) => Math.sin(i + j)));
    const chunk = { id: `${sourceId}#0`, sourceId, ord: 0, text, start: 0, end: text.length };
    await commitIndexed(db, { source, chunks: [{ ...chunk, ...vector, model: oldModel.id }] });
  }
}

test('switching models re-embeds in the background, resumes after a restart, then switches at once', async () => {
  expect(await embeddingPlan(db, oldModel.id)).toEqual({ active: oldModel }); // first start
  await keepPages(0, 100);
  // The user picks another model (a test one, not in the registry, so the plan is written out):
  // the old one stays in use, the new one is re-embedded for.
  const plan = { active: oldModel, next: newModel };
  const index = new MemoryIndex(plan.active, { next: plan.next });
  await index.load(db);
  expect(index.reembedding).toEqual({ model: newModel.id, done: 0, total: 100 });

  // Part of the work, then the browser closes.
  const first = fakeEmbedder(newModel, 1);
  let switched = 0;
  await expect(new ReEmbedder(db, index, first.embedder, () => switched++).run()).rejects.toThrow(
    /closed/,
  );
  expect(index.reembedding).toEqual({ model: newModel.id, done: 64, total: 100 });
  expect(switched).toBe(0);
  expect(await activeEmbeddingModel(db)).toBe(oldModel.id);
  // Search still uses the old model's vectors only: never a mixed index.
  expect(index.vectors.modelId).toBe(oldModel.id);
  expect(index.vectors.size).toBe(100);
  // A capture meanwhile is embedded by the model in use, and will be re-embedded too.
  await storeCapture(
    db,
    {
      mode: 'page',
      url: 'https://e.example/new',
      title: 'New',
      text: 'A fresh capture.',
      links: [],
      extractor: 'readability',
    },
    'shortcut',
  );
  await new Ingestor(db, index, fakeEmbedder(oldModel).embedder).kick();
  expect(index.reembedding).toEqual({ model: newModel.id, done: 64, total: 101 });

  // Restart: the work done is kept, and only the rest is embedded.
  await index.persist(db);
  const restarted = new MemoryIndex(plan.active, { next: plan.next });
  await restarted.load(db);
  expect(restarted.loadedFrom).toBe('snapshot');
  expect(restarted.reembedding).toEqual({ model: newModel.id, done: 64, total: 101 });
  const second = fakeEmbedder(newModel);
  await new ReEmbedder(db, restarted, second.embedder, () => switched++).run();
  expect(second.embedded).toHaveLength(37);
  expect(switched).toBe(1);
  expect(await activeEmbeddingModel(db)).toBe(newModel.id);

  // Every row holds both models' vectors, in either slot.
  for (const chunk of await db.chunks.toArray()) {
    expect(vectorFor(chunk, newModel.id)?.vector).toHaveLength(12);
    expect(vectorFor(chunk, oldModel.id)?.vector).toHaveLength(100);
  }
  // The engine starts on the new model from the persisted index, with nothing left to embed.
  const after = new MemoryIndex(newModel);
  await after.load(db);
  expect(after.loadedFrom).toBe('snapshot');
  expect(after.vectors.modelId).toBe(newModel.id);
  expect(after.vectors.size).toBe(101);
  expect(after.unembedded(10)).toEqual([]);
  expect(after.reembedding).toBeUndefined();
});

test('re-embedding is bulk work: after one batch it waits while the user is active', async () => {
  await embeddingPlan(db, oldModel.id);
  await keepPages(0, 100);
  const index = new MemoryIndex(oldModel, { next: newModel });
  await index.load(db);
  const pace = new IndexingPace({ trickleMs: 60_000 }); // the user is active until told otherwise
  const { embedder, embedded } = fakeEmbedder(newModel);
  let switched = 0;
  const run = new ReEmbedder(db, index, embedder, () => switched++, pace).run();
  await expect.poll(() => pace.progress.waiting).toBe(true);
  expect(embedded).toHaveLength(64);
  expect(index.reembedding).toEqual({ model: newModel.id, done: 64, total: 100 });
  expect(switched).toBe(0);

  pace.setUserActive(false);
  await run;
  expect(embedded).toHaveLength(100);
  expect(switched).toBe(1);
  expect(await activeEmbeddingModel(db)).toBe(newModel.id);
});

test('with nothing in memory, a switch takes effect at once', async () => {
  expect(await embeddingPlan(db, oldModel.id)).toEqual({ active: oldModel });
  const other = 'Xenova/multilingual-e5-small';
  expect((await embeddingPlan(db, other)).next).toBeUndefined();
  expect(await activeEmbeddingModel(db)).toBe(other);
});

test('with memory, the plan keeps the model in use until re-embedding is done', async () => {
  await embeddingPlan(db, oldModel.id);
  await keepPages(0, 2);
  const other = embeddingModel('Xenova/multilingual-e5-small');
  expect(await embeddingPlan(db, other.id)).toEqual({ active: oldModel, next: other });
  expect(await activeEmbeddingModel(db)).toBe(oldModel.id);
});
