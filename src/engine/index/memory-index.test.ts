import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { quantizeInt8 } from '../../core/index/vector';
import { EngramDb } from '../../shared/db';
import { embeddingModel, type EmbeddingModelSpec } from '../../shared/model-registry';
import { deleteSources } from '../../shared/store/delete-sources';
import { commitIndexed, commitVectors } from '../../shared/store/index-commit';
import { storeCapture } from '../../shared/store/sources';
import { MemoryIndex } from './memory-index';

const spec = embeddingModel('engram/glove-100d-static');
const WORDS = ['zeppelin', 'harbour', 'quokka', 'sourdough', 'tokio', 'glacier', 'violin', 'comet'];

/** A deterministic vector per text: what matters here is that it is the same every time. */
function vectorOf(text: string, dims = spec.dims): Float32Array {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return Float32Array.from({ length: dims }, (_, i) => Math.sin(h * 0.001 + i * 1.7));
}

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`memory-index-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Saves and commits page i (two chunks), with vectors unless `keywordOnly`. */
async function keep(i: number, keywordOnly = false, model: EmbeddingModelSpec = spec) {
  const text = `${WORDS[i % 8]} page ${i} about ${WORDS[(i * 3) % 8]}.\n\nSecond part ${i}.`;
  const { sourceId } = await storeCapture(
    db,
    {
      mode: 'page',
      url: `https://s${i % 3}.example/${i}`,
      title: `Page ${i}`,
      text,
      links: [],
      extractor: 'readability',
    },
    'shortcut',
    1_000 + i,
  );
  const source = (await db.sources.get(sourceId))!;
  const chunks = text.split('\n\n').map((piece, ord) => ({
    id: `${sourceId}#${ord}`,
    sourceId,
    ord,
    text: piece,
    start: 0,
    end: piece.length,
    ...(keywordOnly ? {} : { ...quantizeInt8(vectorOf(piece, model.dims)), model: model.id }),
  }));
  await commitIndexed(db, { source, chunks });
  return sourceId;
}

/** What an index answers: keyword and dense hits for a few queries. */
function answers(index: MemoryIndex) {
  return WORDS.map((word) => ({
    keyword: index.keyword
      .search(`${word} page`, 50)
      .map((h) => h.id)
      .sort(),
    dense: index.vectors.search(vectorOf(`${word} page 3 about x.`), 5).map((h) => h.id),
    info: index.keyword.search(word, 3).map((h) => index.infoOf(h.id)?.timesSeen),
  }));
}

async function loaded(model: EmbeddingModelSpec = spec): Promise<MemoryIndex> {
  const index = new MemoryIndex(model);
  await index.load(db);
  return index;
}

describe('the persisted index', () => {
  test('a start restores it without reading chunks, and answers as a rebuild would', async () => {
    for (let i = 0; i < 30; i++) await keep(i);
    const first = await loaded();
    expect(first.loadedFrom).toBe('rows');
    await first.persist(db);
    expect(await db.indexLog.count()).toBe(0); // the log up to the snapshot is dropped

    const each = vi.spyOn(db.chunks, 'each');
    const second = await loaded();
    expect(second.loadedFrom).toBe('snapshot');
    expect(each).not.toHaveBeenCalled();
    expect(second.chunkCount).toBe(60);
    expect(second.vectors.size).toBe(60);
    expect(answers(second)).toEqual(answers(first));
  });

  test('changes after the snapshot (a crash before the next) are replayed, not lost', async () => {
    for (let i = 0; i < 20; i++) await keep(i);
    const first = await loaded();
    await first.persist(db);
    // After the snapshot: new pages, a page seen again, a delete, vectors backfilled.
    const late = await keep(20, true);
    await keep(21);
    // A page kept and deleted after the snapshot (deleting one the snapshot holds drops it:
    // forget.test.ts).
    const gone = await keep(22);
    await deleteSources(db, [gone]);
    await storeCapture(
      db,
      {
        mode: 'page',
        url: 'https://s0.example/5',
        title: 'Page 5',
        text: `${WORDS[5]} page 5 about ${WORDS[7]}.\n\nSecond part 5.`,
        links: [],
        extractor: 'readability',
      },
      'menu',
      Date.now(),
    );
    await commitVectors(db, [
      { chunkId: `${late}#0`, ...quantizeInt8(vectorOf('x')), model: spec.id },
    ]);
    // The engine "crashed" here: nothing persisted the changes, only the log holds them.
    const restored = await loaded();
    expect(restored.loadedFrom).toBe('snapshot');
    await db.indexSnapshots.clear();
    const rebuilt = await loaded();
    expect(rebuilt.loadedFrom).toBe('rows');
    expect(answers(restored)).toEqual(answers(rebuilt));
    expect(restored.keyword.has(`${gone}#0`)).toBe(false);
    expect(restored.vectors.has(`${late}#0`)).toBe(true);
    expect(restored.unembedded(10)).toEqual([`${late}#1`]);
  });

  test('an entry replayed twice changes nothing', async () => {
    for (let i = 0; i < 10; i++) await keep(i);
    const first = await loaded();
    await first.persist(db);
    const a = await keep(10);
    const log = await db.indexLog.toArray();
    await first.sync(db);
    await first.persist(db);
    // As if the snapshot write had committed but the log entries had come back.
    await db.indexLog.bulkAdd(log.map(({ sourceId }) => ({ sourceId })));
    const again = await loaded();
    expect(again.keyword.search('part 10', 50).filter((h) => h.id.startsWith(a))).toHaveLength(2);
    expect(answers(again)).toEqual(answers(first));
  });

  test("another model's snapshot is never used: its vectors do not mix in", async () => {
    for (let i = 0; i < 5; i++) await keep(i);
    const first = await loaded();
    await first.persist(db);
    const other = { ...spec, id: 'test/other-model', dims: 8 };
    const index = await loaded(other);
    expect(index.loadedFrom).toBe('rows');
    expect(index.vectors.size).toBe(0);
    expect(index.unembedded(100)).toHaveLength(10);
  });

  test('a damaged snapshot is rebuilt from the rows, with a warning', async () => {
    for (let i = 0; i < 5; i++) await keep(i);
    const first = await loaded();
    await first.persist(db);
    const row = (await db.indexSnapshots.get('keyword'))!;
    await db.indexSnapshots.put({
      ...row,
      data: { ...(row.data as object), postings: new Uint8Array(1) },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const index = await loaded();
    expect(index.loadedFrom).toBe('rows');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/damaged/), expect.anything());
    expect(answers(index)).toEqual(answers(first));
    warn.mockRestore();
  });
});
