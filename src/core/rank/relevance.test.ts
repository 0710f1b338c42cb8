import { describe, expect, it } from 'vitest';
import {
  comparable,
  coverage,
  denseReads,
  keepRelevant,
  knownWords,
  questionTerms,
  relevance,
  termWeights,
  type RelevanceThresholds,
} from './relevance';

const thresholds: RelevanceThresholds = {
  coverage: 0.5,
  agreedCoverage: 0.25,
  agreementRank: 2,
  relativeToBest: 0.5,
};

describe('questionTerms', () => {
  it('keeps content words and drops interrogatives, in English and Chinese', () => {
    expect(questionTerms('How much does the Raspberry Pi cost?')).toEqual([
      'raspberry',
      'pi',
      'cost',
    ]);
    expect(questionTerms('秘鲁的首都是哪里？')).toEqual(['秘鲁', '首都']);
  });
});

describe('coverage', () => {
  const df: Record<string, number> = { capital: 3, peru: 0 };
  const weights = termWeights(['capital', 'peru'], (t) => df[t] ?? 0, 100);

  it('weighs a word in no page above a common one', () => {
    expect(weights.get('peru')).toBeGreaterThan(weights.get('capital') ?? Infinity);
    const c = coverage(weights, 'The capital markets fell.');
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(0.5);
    expect(coverage(weights, 'Lima is the capital of Peru.')).toBe(1);
  });

  it('counts only words a page could hold in its script; numbers alone are no evidence', () => {
    const w = termWeights(['火狐', 'mozilla', '成立'], () => 0, 10);
    expect(coverage(w, 'Mozilla was founded in 1998.')).toBe(1);
    const year = termWeights(['2022', '世界'], () => 0, 10);
    expect(coverage(year, 'In 2022 the film came out.')).toBe(0);
    expect(coverage(new Map(), 'anything')).toBe(0);
  });
});

describe('coverage with word vectors (softMatch)', () => {
  const unit = (...xs: number[]) => {
    const n = Math.hypot(...xs);
    return Float32Array.from(xs, (x) => x / n);
  };
  const unknown = unit(0, 0, 1);
  // "gown" and "dress" at cosine 0.6; "stolen" is not in the page; "zzz" is unknown.
  const words = ['gown', 'dress', 'stolen', 'hotel', 'zzz', 'qqq'];
  const vectors = [unit(1, 0, 0), unit(0.6, 0.8, 0), unit(0, 1, 0.2), unit(0, 1, 0), unknown];
  const near = { vectors: knownWords(words, vectors, unknown), from: 0.4, to: 0.8 };
  const weights = termWeights(['gown', 'stolen'], () => 0, 10);

  it('leaves out the words the model does not know (and those it gave no vector)', () => {
    expect([...near.vectors.keys()]).toEqual(['gown', 'dress', 'stolen', 'hotel']);
  });

  it('credits a missing word by its nearest passage word, from `from` to `to`', () => {
    const hard = coverage(weights, 'The dress was taken from the hotel.');
    expect(hard).toBe(0);
    // gown ~ dress: (0.6 - 0.4) / 0.4 = half of its weight; stolen ~ hotel: cosine 0.98, all.
    expect(coverage(weights, 'The dress was taken from the hotel.', near)).toBeCloseTo(0.75);
    // An exact word still counts in full, and an unknown word matches nothing.
    expect(coverage(weights, 'Her gown was stolen.', near)).toBe(1);
    const odd = termWeights(['zzz'], () => 0, 10);
    expect(coverage(odd, 'qqq zzz2', near)).toBe(0);
  });
});

describe('relevance and keepRelevant', () => {
  it('passes on coverage, on agreement with less coverage, or on a calibrated cosine', () => {
    expect(relevance({ coverage: 0.6 }, thresholds)).toBeGreaterThanOrEqual(1);
    expect(relevance({ coverage: 0.3 }, thresholds)).toBeLessThan(1);
    expect(
      relevance({ coverage: 0.3, keywordRank: 1, denseRank: 2 }, thresholds),
    ).toBeGreaterThanOrEqual(1);
    expect(relevance({ coverage: 0.1, cosine: 0.95 }, thresholds)).toBeLessThan(1);
    expect(
      relevance({ coverage: 0.1, cosine: 0.95 }, { ...thresholds, denseCosine: 0.9 }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      relevance({ coverage: 0.3, cosine: 0.7 }, { ...thresholds, coverageAndCosine: 0.9 }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('keeps nothing when the best is irrelevant, and drops the padding', () => {
    const r = (x: number) => x;
    expect(keepRelevant([0.9, 0.5], r, thresholds)).toEqual([]);
    expect(keepRelevant([3, 1.2, 1.6], r, thresholds)).toEqual([3, 1.6]);
  });

  it('trusts a dense cosine only in a language the model reads', () => {
    expect(denseReads(['en'], 'zh')).toBe(false);
    expect(denseReads(['multilingual'], 'zh')).toBe(true);
  });

  it("leaves a question in another script to a multilingual model's top dense ranks", () => {
    const w = termWeights(['秘鲁', '首都'], () => 0, 10);
    const page = 'Lima is the capital of Peru.';
    expect(comparable(w, page)).toBe(false);
    expect(comparable(w, '利马是秘鲁的首都。')).toBe(true);
    const across = { ...thresholds, denseRankAcrossScripts: 2 };
    const evidence = { coverage: coverage(w, page), comparable: false };
    expect(relevance({ ...evidence, denseRank: 2 }, across)).toBeGreaterThanOrEqual(1);
    expect(relevance({ ...evidence, denseRank: 3 }, across)).toBeLessThan(1);
    // Without the rule (an English-only model), or when the words could have been there.
    expect(relevance({ ...evidence, denseRank: 1 }, thresholds)).toBeLessThan(1);
    expect(relevance({ coverage: 0, comparable: true, denseRank: 1 }, across)).toBeLessThan(1);
  });
});
