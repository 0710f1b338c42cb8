import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type Bm25Snapshot } from './bm25';
import { tokenize } from '../text/tokenize';

/** Plain Okapi BM25 over the live documents, to hold the compact index to. */
function reference(docs: Map<string, string>, query: string): Map<string, number> {
  const tokens = new Map([...docs].map(([id, text]) => [id, tokenize(text)]));
  const n = docs.size;
  const avg = [...tokens.values()].reduce((s, t) => s + t.length, 0) / n || 1;
  const scores = new Map<string, number>();
  for (const term of new Set(tokenize(query))) {
    const df = [...tokens.values()].filter((t) => t.includes(term)).length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (const [id, t] of tokens) {
      const tf = t.filter((x) => x === term).length;
      if (tf === 0) continue;
      const norm = tf + 1.2 * (1 - 0.75 + (0.75 * t.length) / avg);
      scores.set(id, (scores.get(id) ?? 0) + (idf * tf * 2.2) / norm);
    }
  }
  return scores;
}

const WORDS = ['rust', 'tokio', 'async', 'bread', '量子', '计算', 'zeppelin', 'harbour', 'loop'];

const ids = (hits: Array<{ id: string }>): string[] => hits.map((h) => h.id);

function englishIndex(): Bm25Index {
  const index = new Bm25Index();
  index.add(
    'async',
    'Rust async runtimes: how the Tokio executor polls futures. Async Rust is fast.',
  );
  index.add('borrow', 'The Rust borrow checker prevents data races at compile time.');
  index.add('python', 'Python asyncio uses an event loop; coroutines await futures.');
  index.add('cooking', 'A recipe for sourdough bread with a long cold fermentation.');
  return index;
}

describe('Bm25Index', () => {
  it('ranks English documents by relevance', () => {
    const hits = englishIndex().search('rust async futures', 10);
    expect(hits[0]?.id).toBe('async');
    expect(ids(hits)).not.toContain('cooking');
    expect(hits.every((h, i) => i === 0 || (hits[i - 1]?.score ?? 0) >= h.score)).toBe(true);
  });

  it('finds Chinese documents from a Chinese question', () => {
    const index = new Bm25Index();
    index.add('quantum', '我昨天读了一篇关于量子计算的文章，量子比特可以同时处于多个状态。');
    index.add('cooking', '这道菜需要先把鸡肉腌制两个小时，然后用大火快炒。');
    index.add('travel', '东京的樱花季节通常在三月底到四月初。');
    expect(ids(index.search('量子计算是什么', 3))).toEqual(['quantum']);
    expect(index.search('东京樱花', 3)[0]?.id).toBe('travel');
  });

  it('matches across languages in mixed text and full-width letters', () => {
    const index = new Bm25Index();
    index.add('mixed', '这篇文章介绍了 Rust 的 async 编程模型。');
    index.add('other', 'JavaScript promises and the event loop.');
    expect(index.search('ＲＵＳＴ async', 5)[0]?.id).toBe('mixed');
    expect(index.search('rust 的异步', 5)[0]?.id).toBe('mixed');
  });

  it('favours rare terms (idf)', () => {
    const index = new Bm25Index();
    for (let i = 0; i < 10; i++) index.add(`common${i}`, `common words appear here ${i}`);
    index.add('rare', 'common words and one zeppelin');
    index.add('plain', 'common common common words');
    expect(index.search('common zeppelin', 3)[0]?.id).toBe('rare');
  });

  it('removes and replaces documents', () => {
    const index = englishIndex();
    expect(index.size).toBe(4);
    expect(index.remove('async')).toBe(true);
    expect(index.remove('async')).toBe(false);
    expect(index.has('async')).toBe(false);
    expect(ids(index.search('tokio', 5))).toEqual([]);
    index.add('borrow', 'Now about tokio instead.');
    expect(index.size).toBe(3);
    expect(ids(index.search('tokio', 5))).toEqual(['borrow']);
    expect(ids(index.search('checker', 5))).toEqual([]);
  });

  it('applies k and the filter, and ignores stop-word-only queries', () => {
    const index = englishIndex();
    expect(index.search('rust', 1)).toHaveLength(1);
    expect(ids(index.search('rust', 5, (id) => id !== 'async'))).toEqual(['borrow']);
    expect(index.search('the of and', 5)).toEqual([]);
    expect(new Bm25Index().search('rust', 5)).toEqual([]);
  });
});

describe('Bm25Index, compact and persisted', () => {
  const ops = fc.array(
    fc.oneof(
      fc.record({
        add: fc.integer({ min: 0, max: 40 }),
        words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }),
      }),
      fc.record({ remove: fc.integer({ min: 0, max: 40 }) }),
    ),
    { maxLength: 300 },
  );

  it('matches plain BM25 after any adds and removes, also through a snapshot', () => {
    fc.assert(
      fc.property(ops, fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), (list, a, b) => {
        const index = new Bm25Index();
        const docs = new Map<string, string>();
        for (const op of list) {
          if ('add' in op) {
            const text = op.words.join(op.words.length % 2 ? ' ' : '');
            index.add(`d${op.add}`, text);
            docs.set(`d${op.add}`, text);
          } else {
            expect(index.remove(`d${op.remove}`)).toBe(docs.delete(`d${op.remove}`));
          }
        }
        const query = `${a} ${b}`;
        // Which documents match never drifts, whatever was removed.
        const want = reference(docs, query);
        expect(new Set(index.search(query, 100).map((h) => h.id))).toEqual(new Set(want.keys()));
        // After the rewrite a snapshot makes, the scores are exact.
        const snap = deserialize(serialize(index.toSnapshot())) as Bm25Snapshot;
        for (const restored of [index, Bm25Index.fromSnapshot(snap)]) {
          expect(restored.size).toBe(docs.size);
          for (const hit of restored.search(query, 100)) {
            expect(hit.score).toBeCloseTo(want.get(hit.id)!, 9);
          }
        }
        // A restored index keeps taking documents.
        const restored = Bm25Index.fromSnapshot(snap);
        restored.add('new', `${a} ${a}`);
        expect(restored.search(a, 100).map((h) => h.id)).toContain('new');
      }),
      { numRuns: 80 },
    );
  });

  it('rejects a damaged snapshot', () => {
    const snap = englishIndex().toSnapshot();
    expect(() => Bm25Index.fromSnapshot({ ...snap, postings: snap.postings.slice(1) })).toThrow(
      /truncated/,
    );
    expect(() => Bm25Index.fromSnapshot({ ...snap, format: 'x' } as never)).toThrow(/format/);
  });
});
