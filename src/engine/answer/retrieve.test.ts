import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../../shared/db';
import { embeddingModel } from '../../shared/model-registry';
import type { CapturePayload } from '../../shared/protocol';
import { commitIndexed } from '../../shared/store/index-commit';
import { storeCapture } from '../../shared/store/sources';
import type { Embedder } from '../models/embedder';
import { MemoryIndex } from '../index/memory-index';
import { retrieve } from './retrieve';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12); // Monday 30 November 2026, noon UTC
const spec = embeddingModel('engram/glove-100d-static');
const keywordOnly = { spec, isReady: false } as unknown as Embedder;

let db: EngramDb;
let index: MemoryIndex;

async function remember(title: string, text: string, savedAt: number): Promise<string> {
  const url = `https://example.com/${encodeURIComponent(title)}`;
  const capture: CapturePayload = {
    mode: 'page',
    url,
    title,
    text,
    links: [],
    extractor: 'readability',
  };
  const { sourceId } = await storeCapture(db, capture, 'shortcut', savedAt);
  const source = (await db.sources.get(sourceId))!;
  const chunks = [{ id: `${sourceId}#0`, sourceId, ord: 0, text, start: 0, end: text.length }];
  await commitIndexed(db, { source, chunks });
  index.replaceSource(source, chunks);
  return sourceId;
}

beforeEach(() => {
  db = new EngramDb(`retrieve-${crypto.randomUUID()}`);
  index = new MemoryIndex(spec);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('a time expression narrows the search to what was seen then', async () => {
  const old = await remember(
    'Rust async, part 1',
    'Rust async runtimes and futures.',
    NOW - 21 * DAY,
  );
  const recent = await remember('Rust async, part 2', 'Rust async cancellation.', NOW - DAY);

  const all = await retrieve(db, index, keywordOnly, 'rust async', { dense: false, now: NOW });
  expect(all.sources.map((s) => s.source.id).sort()).toEqual([old, recent].sort());
  expect(all.time).toBeUndefined();

  const yesterday = await retrieve(db, index, keywordOnly, 'rust async yesterday', {
    dense: false,
    now: NOW,
  });
  expect(yesterday.sources.map((s) => s.source.id)).toEqual([recent]);
  expect(yesterday.time?.matched).toBe('yesterday');

  const threeWeeks = await retrieve(db, index, keywordOnly, '三周前读的 rust async', {
    dense: false,
    now: NOW,
  });
  expect(threeWeeks.sources.map((s) => s.source.id)).toEqual([old]);
});

test('at most a few chunks per source, and the sources in rank order', async () => {
  const text = 'Peanut allergy in babies. '.repeat(3);
  const id = await remember('Peanuts', text, NOW);
  const source = (await db.sources.get(id))!;
  const chunks = [0, 1, 2].map((ord) => ({
    id: `${id}#${ord}`,
    sourceId: id,
    ord,
    text: `Peanut allergy, part ${ord}.`,
    start: 0,
    end: 1,
  }));
  await commitIndexed(db, { source, chunks });
  index.replaceSource(source, chunks);
  const found = await retrieve(db, index, keywordOnly, 'peanut allergy', {
    dense: false,
    now: NOW,
    chunksPerSource: 2,
  });
  expect(found.sources).toHaveLength(1);
  expect(found.sources[0]?.chunks).toHaveLength(2);
});

test('the dense list honours the time filter too', async () => {
  const old = await remember('Cloche terrarium', 'Moss and ferns under glass.', NOW - 21 * DAY);
  const recent = await remember('Bottle garden', 'Succulents in a jar.', NOW - DAY);
  const same = Float32Array.from({ length: spec.dims }, (_, i) => (i % 2 ? 1 : -1));
  // Alike but not near-duplicates (those collapse into one): every fifth component flipped.
  const alike = same.map((x, i) => (i % 5 === 0 ? -x : x));
  index.setVector(`${old}#0`, same);
  index.setVector(`${recent}#0`, alike);
  // A dense-only match: the query shares no word with either page.
  const dense = {
    // The gate is tested below: here a dense-only match (cosine 0.6) counts as relevant.
    spec: { ...spec, relevance: { ...spec.relevance, denseCosine: 0.5 } },
    isReady: true,
    embed: () => Promise.resolve([same]),
  } as unknown as Embedder;
  const all = await retrieve(db, index, dense, 'glass plants', { dense: true, now: NOW });
  expect(all.sources.map((s) => s.source.id).sort()).toEqual([old, recent].sort());
  const lastWeek = await retrieve(db, index, dense, 'glass plants from yesterday', {
    dense: true,
    now: NOW,
  });
  expect(lastWeek.sources.map((s) => s.source.id)).toEqual([recent]);
});

test('nothing comes back for a question memory cannot answer (the relevance gate)', async () => {
  await remember('Rice dumplings', 'Zongzi are rice dumplings wrapped in bamboo leaves.', NOW);
  await remember('Lima travel notes', 'We flew to Lima and ate ceviche by the sea.', NOW);
  const found = await retrieve(db, index, keywordOnly, 'What is the capital of Peru?', {
    dense: false,
    now: NOW,
  });
  expect(found.sources).toEqual([]);
  const zh = await retrieve(db, index, keywordOnly, '秘鲁的首都是哪里？', {
    dense: false,
    now: NOW,
  });
  expect(zh.sources).toEqual([]);
});

test('a source that shares a stray word with the question is not cited beside the answer', async () => {
  const pi = await remember(
    'Raspberry Pi 3',
    'The Raspberry Pi 3 is a credit card sized computer with a quad-core ARM processor.',
    NOW,
  );
  await remember('Student journalism', 'A computer lab helps student reporters publish.', NOW);
  const found = await retrieve(
    db,
    index,
    keywordOnly,
    'Which processor does the Raspberry Pi 3 use?',
    {
      dense: false,
      now: NOW,
    },
  );
  expect(found.sources.map((s) => s.source.id)).toEqual([pi]);
});

test('a glimpse and the page it was taken on are cited once', async () => {
  const page = await remember('Terrarium guide', 'Build a terrarium with moss and glass.', NOW);
  const glimpse = await remember(
    'Terrarium guide',
    'A terrarium needs moss, glass and light.',
    NOW,
  );
  await db.sources.update(glimpse, { kind: 'glimpse' });
  await db.links.put({ fromId: glimpse, toId: page, kind: 'glimpse' });
  const found = await retrieve(db, index, keywordOnly, 'terrarium moss glass', {
    dense: false,
    now: NOW,
  });
  expect(found.sources).toHaveLength(1);
});
