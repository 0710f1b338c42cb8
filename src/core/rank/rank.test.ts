import { describe, expect, it } from 'vitest';
import { boost, capPerSource, collapseDuplicates, duplicateKey, rankCandidates } from './rank';
import type { CandidateInfo } from './rank';

const NOW = Date.UTC(2026, 3, 15);
const DAY = 86_400_000;
const list = (...ids: string[]): Array<{ id: string }> => ids.map((id) => ({ id }));
/** Chunk "a#1" belongs to source "a", captured `age` days ago. */
const info = (id: string, age = 365, extra: Partial<CandidateInfo> = {}): CandidateInfo => ({
  sourceId: id.split('#')[0] ?? id,
  time: NOW - age * DAY,
  ...extra,
});

describe('boost', () => {
  it('favours recent, often seen and saved sources, mildly', () => {
    const old = boost(info('a', 10_000), { now: NOW });
    expect(old).toBeCloseTo(1, 6);
    expect(boost(info('a', 0), { now: NOW })).toBeCloseTo(1.2, 6);
    expect(boost(info('a', 30), { now: NOW })).toBeCloseTo(1.1, 6);
    expect(boost(info('a', -5), { now: NOW })).toBeCloseTo(1.2, 6); // clock skew: counts as now
    expect(boost(info('a', 10_000, { timesSeen: 4 }), { now: NOW })).toBeCloseTo(1.1, 6);
    expect(boost(info('a', 10_000, { timesSeen: 1_000 }), { now: NOW })).toBeCloseTo(1.15, 6);
    expect(boost(info('a', 10_000, { saved: true }), { now: NOW })).toBeCloseTo(1.15, 6);
    expect(boost(info('a', Number.NaN), { now: NOW })).toBe(1);
  });
});

describe('collapseDuplicates', () => {
  it('keeps the best of texts equal up to case, width and spacing', () => {
    expect(duplicateKey('  Rust  ＡＳＹＮＣ\n await ')).toBe('rust async await');
    const texts: Record<string, string> = { a: 'Rust async', b: 'rust  ASYNC', c: 'other' };
    const kept = collapseDuplicates(list('a', 'b', 'c'), (id) => info(id, 0, { text: texts[id] }));
    expect(kept.map((k) => k.id)).toEqual(['a', 'c']);
  });

  it('keeps the best of near-identical vectors', () => {
    const vectors: Record<string, number[]> = { a: [1, 0], b: [0.99, 0.141], c: [0.6, 0.8] };
    const kept = collapseDuplicates(list('a', 'b', 'c'), (id) =>
      info(id, 0, { vector: vectors[id] }),
    );
    expect(kept.map((k) => k.id)).toEqual(['a', 'c']);
    expect(collapseDuplicates(list('a', 'b'), () => undefined)).toHaveLength(2);
  });
});

describe('capPerSource', () => {
  it('keeps at most n per source, in order', () => {
    const items = ['a', 'a', 'b', 'a', 'b', 'c'].map((sourceId, i) => ({ sourceId, i }));
    expect(capPerSource(items, 2).map((x) => x.i)).toEqual([0, 1, 2, 4, 5]);
    expect(capPerSource(items, 0)).toEqual([]);
  });
});

describe('rankCandidates', () => {
  it('fuses, boosts, collapses and caps', () => {
    const keyword = list('a#0', 'a#1', 'a#2', 'b#0', 'c#0');
    const dense = list('a#1', 'c#0', 'd#0', 'b#0');
    const infos: Record<string, CandidateInfo> = {
      'a#0': info('a#0'),
      'a#1': info('a#1'),
      'a#2': info('a#2'),
      'b#0': info('b#0', 365, { text: 'same words' }),
      'c#0': info('c#0', 365, { text: 'Same  words' }),
      'd#0': info('d#0', 0, { saved: true }),
    };
    const ranked = rankCandidates([keyword, dense], (id) => infos[id], { now: NOW, perSource: 2 });
    // a#1 is near the top of both; c#0 outranks b#0 and hides its copy; the fresh, saved d#0
    // (third in one list, ×1.38) overtakes a#0 (first in one list); a#2 is a's third chunk.
    expect(ranked.map((r) => r.id)).toEqual(['a#1', 'c#0', 'd#0', 'a#0']);
    expect(ranked[0]).toEqual({
      id: 'a#1',
      sourceId: 'a',
      score: expect.closeTo(1 / 61 + 1 / 62, 4) as number,
    });
  });

  it('drops unknown ids and honours the limit', () => {
    const ranked = rankCandidates(
      [list('x#0', 'gone', 'y#0')],
      (id) => (id === 'gone' ? undefined : info(id)),
      {
        now: NOW,
        limit: 1,
      },
    );
    expect(ranked.map((r) => r.id)).toEqual(['x#0']);
  });

  it('takes another fusion where given', () => {
    const last = (lists: ReadonlyArray<ReadonlyArray<{ id: string }>>) =>
      [...(lists[0] ?? [])].reverse().map(({ id }, i) => ({ id, score: 1 / (i + 1) }));
    const ranked = rankCandidates([list('x#0', 'y#0')], (id) => info(id), { now: NOW, fuse: last });
    expect(ranked.map((r) => r.id)).toEqual(['y#0', 'x#0']);
  });
});
