/**
 * Issue 4's scale test: 10,000 sources through the real storage path (storeCapture / storeNote →
 * ingest jobs → Ingestor: chunk, embed, commit → index log → MemoryIndex), on Dexie over
 * fake-indexeddb. It checks search results, forgets some sources (by id and by site) and checks
 * they are gone from search and storage, then starts a fresh index from the persisted parts and
 * checks it answers the same. The embedder is deterministic (hashed bag of words, the fixture
 * model's 100 dimensions), so the dense path is exercised without a model download.
 * SCALE_SOURCES=<n> runs another size.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tokenize } from '../../src/core/text/tokenize';
import type { Embedder } from '../../src/engine/models/embedder';
import { forget } from '../../src/engine/index/forget';
import { Ingestor } from '../../src/engine/ingest/ingest';
import { MemoryIndex } from '../../src/engine/index/memory-index';
import { retrieve } from '../../src/engine/answer/retrieve';
import { EngramDb } from '../../src/shared/db';
import { embeddingModel } from '../../src/shared/model-registry';
import { storeCapture, storeNote } from '../../src/shared/store/sources';

const N = Number(process.env.SCALE_SOURCES ?? 10_000);
/**
 * Per test, generous for a loaded 2-core machine. Forgetting stays linear here only because it
 * reads by exact keys (no `anyOf` cursor, which walks a whole index in fake-indexeddb) and reads
 * an entity's first and last seen from the ends of its `[entityId+at]` index: 50 of 10,000 sources
 * forgotten in under a second, where it had taken 90 s.
 */
const SLOW = 120_000;
const SITES = 20;
const spec = embeddingModel('engram/glove-100d-static');
const TOPICS = ['harbour', 'glacier', 'violin', 'comet', 'sourdough', 'quokka', 'tokio', 'fjord'];

/** Hashed bag of words: texts sharing words get close vectors, the same text the same vector. */
function hashVector(text: string): Float32Array {
  const v = new Float32Array(spec.dims);
  for (const word of tokenize(text)) {
    let h = 2166136261;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
    const [a, b] = [(h >>> 0) % spec.dims, (h >>> 8) % spec.dims];
    v[a] = (v[a] ?? 0) + 1;
    v[b] = (v[b] ?? 0) - 0.5;
  }
  return v;
}
const embedded: string[] = [];
const embedder = {
  spec,
  isReady: true,
  status: { state: 'ready' },
  load: () => Promise.resolve(),
  embed: (texts: readonly string[]) => {
    embedded.push(...texts);
    return Promise.resolve(texts.map(hashVector));
  },
} as unknown as Embedder;

/** A word only source i has; letters, since numbers in a question may read as dates ("the 26th"). */
const tag = (i: number): string =>
  `uniq${String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
/** Page i: a word only it has (tag), a topic, a site, a link to the page before it. */
/** One page in 200 is on a site of its own (with a subdomain), to forget by site. */
const onRareSite = (i: number): boolean => i % 200 === 7;
const url = (i: number) =>
  onRareSite(i)
    ? `https://${i % 400 === 7 ? 'news.' : ''}rare.example/page/${i}`
    : `https://site${i % SITES}.example/page/${i}`;
const pageText = (i: number) =>
  `Notes on ${TOPICS[i % TOPICS.length]} number ${tag(i)}. ` +
  `This page talks about ${TOPICS[(i * 5) % TOPICS.length]} and shared words.\n\n` +
  `A second paragraph, ${i % 7 === 0 ? 'long enough to matter '.repeat(40) : 'short'} end${i}.`;

let db: EngramDb;
let index: MemoryIndex;
const ids: string[] = [];
const timings: Record<string, number> = {};
const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const result = await work();
  timings[label] = Math.round(performance.now() - t);
  return result;
};

beforeAll(async () => {
  db = new EngramDb(`scale-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
  await index.load(db);
  await time('store', async () => {
    for (let i = 0; i < N; i++) {
      const stored =
        i % 50 === 49
          ? await storeNote(db, `Remember ${tag(i)}: ${TOPICS[i % TOPICS.length]} note.`, 'chat')
          : await storeCapture(
              db,
              {
                mode: 'page',
                url: url(i),
                title: `Page ${i}`,
                text: pageText(i),
                links: i > 0 ? [url(i - 1)] : [],
                extractor: 'readability',
              },
              'shortcut',
              1_700_000_000_000 + i * 60_000,
            );
      ids.push(stored.sourceId);
    }
  });
  await time('ingest', () => new Ingestor(db, index, embedder).kick());
}, 600_000);

afterAll(async () => {
  console.log(`memory at scale, ${N} sources (ms):`, timings);
  db.close();
  await db.delete();
});

const sample = Array.from({ length: 40 }, (_, k) => Math.floor((k * N) / 40) + (k % 7));
const sourcesFor = async (question: string, dense: boolean) =>
  (await retrieve(db, index, embedder, question, { dense })).sources.map((s) => s.source.id);

test(
  'every source is stored, indexed and embedded through the real pipeline',
  async () => {
    expect(await db.sources.where('status').equals('indexed').count()).toBe(N);
    expect(await db.jobs.count()).toBe(0);
    const chunks = await db.chunks.count();
    expect(chunks).toBeGreaterThan(N);
    expect(index.chunkCount).toBe(chunks);
    expect(index.vectors.size).toBe(chunks);
    expect(embedded).toHaveLength(chunks);
    // Hyperlinks were found in both directions: page i links to page i - 1.
    expect(await db.links.count()).toBeGreaterThan(N * 0.9);
  },
  SLOW,
);

test(
  'search finds each sampled source by its own word, by keyword and hybrid',
  async () => {
    for (const i of sample) {
      expect((await sourcesFor(`${tag(i)}`, false))[0]).toBe(ids[i]);
      // Dense alone: the chunk's own sentence comes back first.
      const [chunk] = await db.chunks.where('sourceId').equals(ids[i]!).sortBy('ord');
      const [hit] = index.vectors.search(hashVector(chunk!.text), 1);
      expect(hit?.id).toBe(chunk!.id);
    }
  },
  SLOW,
);

test(
  'forgotten sources are gone from search and storage; the rest is untouched',
  async () => {
    const byId = sample.slice(0, 10).map((i) => ids[i]!);
    const ofSite = ids.filter((_, i) => onRareSite(i) && i % 50 !== 49);
    expect(ofSite.length).toBeGreaterThanOrEqual(Math.floor(N / 200));
    const chunksBefore = await db.chunks.count();
    const goneChunks = await db.chunks
      .where('sourceId')
      .anyOf([...byId, ...ofSite])
      .count();

    const first = await time('forget ids', () => forget(index, { sourceIds: byId }, db));
    const second = await time('forget site', () => forget(index, { site: 'rare.example' }, db));
    const sameSite = byId.filter((id) => ofSite.includes(id)).length;
    expect(first.deleted + second.deleted).toBe(byId.length + ofSite.length - sameSite);

    const gone = [...new Set([...byId, ...ofSite])];
    expect(await db.sources.where('id').anyOf(gone).count()).toBe(0);
    expect(await db.chunks.where('sourceId').anyOf(gone).count()).toBe(0);
    expect(await db.links.where('toId').anyOf(gone).count()).toBe(0);
    expect((await db.links.toArray()).some((l) => gone.includes(l.fromId))).toBe(false);
    expect(
      await db.mentions
        .where('entityId')
        .anyOf(['site:rare.example', 'site:news.rare.example'])
        .count(),
    ).toBe(0);
    expect(await db.chunks.count()).toBe(chunksBefore - goneChunks);
    expect(index.chunkCount).toBe(chunksBefore - goneChunks);
    expect(index.vectors.size).toBe(chunksBefore - goneChunks);
    for (const i of sample) {
      const found = await sourcesFor(`${tag(i)}`, true);
      if (gone.includes(ids[i]!)) expect(found).not.toContain(ids[i]);
      else expect(found[0]).toBe(ids[i]);
    }
  },
  SLOW,
);

test(
  'a fresh start from the persisted indexes answers the same, reading no chunk rows',
  async () => {
    await time('persist', () => index.persist(db));
    // Changes after the snapshot live only in the log, as after a crash.
    const late = await storeCapture(
      db,
      {
        mode: 'page',
        url: url(N),
        title: 'Late',
        text: pageText(N),
        links: [],
        extractor: 'readability',
      },
      'shortcut',
    );
    await new Ingestor(db, index, embedder).kick();
    await forget(index, { sourceIds: [ids[1]!] }, db);

    const questions = [...sample, N].map((i) => `${tag(i)} ${TOPICS[i % TOPICS.length]}`);
    const before = await Promise.all(questions.map((q) => sourcesFor(q, true)));
    const restarted = new MemoryIndex(spec);
    await time('cold start', () => restarted.load(db));
    expect(restarted.loadedFrom).toBe('snapshot');
    expect(restarted.chunkCount).toBe(index.chunkCount);
    expect(restarted.vectors.size).toBe(index.vectors.size);
    index = restarted;
    const after = await Promise.all(questions.map((q) => sourcesFor(q, true)));
    expect(after).toEqual(before);
    expect(after.at(-1)).toContain(late.sourceId);
    expect((await sourcesFor(tag(N), false))[0]).toBe(late.sourceId);
  },
  SLOW,
);
