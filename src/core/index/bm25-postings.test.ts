import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostingLists } from './bm25-postings';

type Pair = [number, number];
const read = (lists: PostingLists, t: number): Pair[] => {
  const pairs: Pair[] = [];
  lists.forEach(t, (doc, tf) => pairs.push([doc, tf]));
  return pairs;
};

/** Per term, increasing documents with frequencies: varints of 1 to 5 bytes. */
const termLists = fc.array(
  fc.array(
    fc.tuple(
      fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 20_000 })),
      fc.integer({ min: 1, max: 2 ** 31 }),
    ),
    { maxLength: 60 },
  ),
  { maxLength: 12 },
);
const absolute = (gaps: Pair[]): Pair[] => {
  let doc = -1;
  return gaps.map(([gap, tf]) => [(doc += gap), tf]);
};

describe('PostingLists', () => {
  it('reads back what was appended, across blocks, frozen, thawed, appended and merged', () => {
    fc.assert(
      fc.property(termLists, termLists, (first, more) => {
        const lists = new PostingLists();
        const want = first.map(absolute);
        // Interleave terms, as documents arrive with many terms each.
        const ts = want.map(() => lists.addTerm());
        for (let i = 0; i < 60; i++) {
          want.forEach((pairs, t) => {
            const pair = pairs[i];
            if (pair) lists.append(ts[t]!, ...pair);
          });
        }
        want.forEach((pairs, t) => expect(read(lists, t)).toEqual(pairs));
        const maxDoc = Math.max(0, ...want.flatMap((p) => p.map(([d]) => d + 1)));
        const identity = Int32Array.from({ length: maxDoc }, (_, i) => i);
        const { kept, ...frozen } = lists.freeze(identity);
        const thawed = new PostingLists(frozen);
        const nonEmpty = want.filter((p) => p.length > 0);
        expect(kept).toEqual(want.flatMap((p, t) => (p.length > 0 ? [t] : [])));
        nonEmpty.forEach((pairs, t) => expect(read(thawed, t)).toEqual(pairs));
        // New pairs continue after the frozen ones.
        nonEmpty.forEach((pairs, t) => {
          const last = pairs.at(-1)![0];
          const extra = absolute(more[t] ?? []).map(([d, tf]): Pair => [last + 1 + d, tf]);
          for (const pair of extra) thawed.append(t, ...pair);
          expect(read(thawed, t)).toEqual([...pairs, ...extra]);
          expect(thawed.df[t]).toBe(pairs.length + extra.length);
        });
        // Merged into one frozen block by copying bytes: the same lists, and appendable.
        const merged = new PostingLists(thawed.merged());
        nonEmpty.forEach((_, t) => expect(read(merged, t)).toEqual(read(thawed, t)));
        expect(merged.hasAppended).toBe(false);
        expect(thawed.hasAppended).toBe(more.some((m, t) => t < nonEmpty.length && m.length > 0));
      }),
      { numRuns: 60 },
    );
  });

  it('freeze drops unmapped documents and renumbers the rest', () => {
    const lists = new PostingLists();
    const a = lists.addTerm();
    const b = lists.addTerm();
    [0, 1, 2, 3].forEach((d) => lists.append(a, d, d + 1));
    lists.append(b, 1, 7);
    const { kept, ...frozen } = lists.freeze(Int32Array.from([0, -1, 1, 2]));
    expect(kept).toEqual([a]);
    expect(read(new PostingLists(frozen), 0)).toEqual([
      [0, 1],
      [1, 3],
      [2, 4],
    ]);
  });

  it('refuses documents out of order', () => {
    const lists = new PostingLists();
    const t = lists.addTerm();
    lists.append(t, 5, 1);
    expect(() => lists.append(t, 5, 1)).toThrow(/not after/);
  });
});
