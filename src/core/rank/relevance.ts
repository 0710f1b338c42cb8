/**
 * Is a retrieved passage about the question at all? (issue 10) Ranking always returns something:
 * BM25 matches any shared word and a dense index always has a nearest neighbour, so without a
 * gate "What is the capital of Peru?" gets cited pages about anything. The gate reads signals
 * that mean the same whatever the embedding model:
 *
 * - coverage: the share of the question's content words the passage (with its page title)
 *   holds, each word weighted by its BM25 idf over memory, so "peru" (in no page) weighs far more
 *   than "capital" (in several). A word in no page cannot be covered: a question about a topic
 *   memory never saw covers little of its weight.
 * - agreement: keyword and dense search both rank the passage's source near the top.
 * - dense cosine: only where the registry gives a calibrated threshold for the model.
 *
 * The thresholds belong to the embedding model (src/shared/model-registry.ts), chosen with
 * `npm run eval:retrieval` (see BENCHMARKS.md).
 */
import { dot } from '../index/vector';
import { tokenize } from '../text/tokenize';

export interface RelevanceThresholds {
  /** Share of the question's idf weight one passage must cover on its own. */
  coverage: number;
  /** The lower share enough when keyword and dense search agree on the source. */
  agreedCoverage: number;
  /** How near the top of both lists a source must be to count as agreed (1-based rank). */
  agreementRank: number;
  /**
   * Cosine (query, passage) at which the dense model alone vouches for a passage; absent for a
   * model whose scores were never measured here (cosine scales differ from model to model).
   */
  denseCosine?: number;
  /** Coverage plus cosine at which the two together vouch (with denseCosine only). */
  coverageAndCosine?: number;
  /** A source is kept only with at least this share of the best source's evidence. */
  relativeToBest: number;
  /**
   * For a question none of whose words could be in the passage (another script: a Chinese
   * question about an English page), the dense rank at or above which a multilingual model's
   * word is taken for it. Absent: such a passage must pass on the cosine, or not at all.
   */
  denseRankAcrossScripts?: number;
  /**
   * For a model of static word vectors (one vector per word, as GloVe): a question word the
   * passage lacks is held in part by its nearest passage word, from nothing at cosine `from` to
   * all of it at `to` ("gown" by "dress": 0.81, "cash" by "money": 0.76). Paraphrases avoid the
   * page's words; without this they cover as little of the question as near-misses do.
   */
  softMatch?: { from: number; to: number };
  /**
   * The best cited relevance under which an answer says it is unsure (core/answer/confidence.ts);
   * absent: WEAK_RELEVANCE there. `npm run eval:retrieval` prints where the line falls.
   */
  unsure?: number;
}

/** Normalised word vectors; a word the model does not know is absent. */
export type WordVectors = ReadonlyMap<string, Float32Array>;

/** Word vectors for coverage()'s soft match, with the registry's `softMatch`. */
export interface NearWords {
  vectors: WordVectors;
  from: number;
  to: number;
}

/**
 * The words with their vectors from a static model, less those the model does not know: they all
 * embed as `unknown` (the vector of a made-up word) and would all match one another.
 */
export function knownWords(
  words: readonly string[],
  vectors: readonly Float32Array[],
  unknown: Float32Array,
): Map<string, Float32Array> {
  const known = new Map<string, Float32Array>();
  words.forEach((w, i) => {
    const v = vectors[i];
    if (v && dot(v, unknown) < 0.999) known.set(w, v);
  });
  return known;
}

/** A word no vocabulary holds: its vector is the model's vector for unknown words. */
export const UNKNOWN_WORD = 'qxzvjqxzvj';

/**
 * Interrogatives and filler of questions: they name no topic, and in a mostly English memory a
 * Chinese "怎么" is in no page, so it would weigh as much as the topic itself. Folded forms.
 */
// prettier-ignore
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'how', 'why', 'much', 'many', 'can', 'could', 'should', 'would', 'any', 'some', 'about',
  'get', 'got', 'make', 'use', 'best', 'way', 'know', 'tell', 'there',
  '怎么', '怎样', '怎么样', '如何', '为什么', '为何', '哪里', '哪儿', '哪个', '哪些', '哪', '多少', '几',
  '多', '要', '能', '会', '可以', '应该', '请问', '吗', '呢', '才', '做', '用', '时候',
]);

/** The question's content words, once each, in order. */
export function questionTerms(question: string): string[] {
  return [...new Set(tokenize(question))].filter((t) => !QUESTION_WORDS.has(t));
}

/** BM25's (Lucene's) idf of each term: `df` counts the chunks holding it among `docs`. */
export function termWeights(
  terms: readonly string[],
  df: (term: string) => number,
  docs: number,
): Map<string, number> {
  const weights = new Map<string, number>();
  for (const t of terms) {
    const d = Math.min(Math.max(0, df(t)), docs);
    weights.set(t, Math.log(1 + (docs - d + 0.5) / (d + 0.5)));
  }
  return weights;
}

const CJK = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}]/u;
const CJK_ALL = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}]+/gu;
const OTHER_WORD = /[\p{L}\p{N}]/u;
const NUMBER = /^[\p{N}.,:]+$/u;

/**
 * The share (0–1) of the weight of `weights`' terms that `text` holds; 0 with no terms. A term
 * in a script the text does not use at all is left out of the count: a Chinese question about an
 * English page ("火狐 … Mozilla 组织") can only ever match the page's Latin words, and whether it
 * is about the page is the dense model's call. 0 when no word (numbers aside) could match.
 */
export function coverage(
  weights: ReadonlyMap<string, number>,
  text: string,
  near?: NearWords,
): number {
  return measure(weights, text, near).coverage;
}

/**
 * Whether any of the question's words (numbers aside) could appear in `text` at all: false for a
 * Chinese question about a page with no Chinese, whose coverage then says nothing either way.
 */
export function comparable(weights: ReadonlyMap<string, number>, text: string): boolean {
  return measure(weights, text).counted > 0;
}

/** The share (0–1) of `term` that the nearest of `words` holds (NearWords). */
function nearness(term: string, words: ReadonlySet<string>, near: NearWords): number {
  const v = near.vectors.get(term);
  if (!v) return 0;
  let best = -1;
  for (const w of words) {
    const u = near.vectors.get(w);
    if (u) best = Math.max(best, dot(v, u));
  }
  return Math.min(1, Math.max(0, (best - near.from) / (near.to - near.from)));
}

function measure(
  weights: ReadonlyMap<string, number>,
  text: string,
  near?: NearWords,
): { coverage: number; counted: number } {
  const hasCjk = CJK.test(text);
  const hasOther = OTHER_WORD.test(text.replace(CJK_ALL, ''));
  const words = new Set(tokenize(text));
  let total = 0;
  let held = 0;
  let counted = 0;
  for (const [t, w] of weights) {
    if (!(CJK.test(t) ? hasCjk : hasOther)) continue;
    // A number is in every script: "2022" alone says nothing about "2022年世界杯".
    if (!NUMBER.test(t)) counted++;
    total += w;
    if (words.has(t)) held += w;
    else if (near) held += w * nearness(t, words, near);
  }
  return { coverage: total > 0 && counted > 0 ? held / total : 0, counted };
}

/**
 * Whether an embedding model serving `languages` (the registry's) reads a question in `language`:
 * an English-only model embeds a Chinese question as unknown words, and its cosine means nothing.
 */
export function denseReads(languages: readonly string[], language: string): boolean {
  return languages.includes('multilingual') || languages.includes(language);
}

export interface Evidence {
  /** coverage() of the passage with its page title. */
  coverage: number;
  /** comparable() of the passage with its page title; absent counts as true. */
  comparable?: boolean;
  /** The source's rank in the keyword and dense lists (1-based), undefined where absent. */
  keywordRank?: number;
  denseRank?: number;
  /**
   * The passage's cosine with the question, where dense search ran and the model reads the
   * question's language (denseReads).
   */
  cosine?: number;
}

/**
 * How strongly the evidence says "relevant", in units of the thresholds: 1 or more passes. The
 * best of these readings: coverage alone, coverage with both lists agreeing, the dense cosine
 * (alone or with coverage), and, across scripts, a multilingual model's top dense ranks.
 */
export function relevance(e: Evidence, t: RelevanceThresholds): number {
  const agreed =
    e.keywordRank !== undefined &&
    e.denseRank !== undefined &&
    e.keywordRank <= t.agreementRank &&
    e.denseRank <= t.agreementRank;
  const byCoverage = t.coverage > 0 ? e.coverage / t.coverage : 0;
  const byAgreement = agreed && t.agreedCoverage > 0 ? e.coverage / t.agreedCoverage : 0;
  const byCosine =
    t.denseCosine !== undefined && e.cosine !== undefined && e.cosine > 0
      ? e.cosine / t.denseCosine
      : 0;
  const byBoth =
    t.coverageAndCosine !== undefined && e.cosine !== undefined && e.cosine > 0
      ? (e.coverage + e.cosine) / t.coverageAndCosine
      : 0;
  const acrossScripts =
    e.comparable === false &&
    t.denseRankAcrossScripts !== undefined &&
    e.denseRank !== undefined &&
    e.denseRank <= t.denseRankAcrossScripts
      ? 1
      : 0;
  return Math.max(byCoverage, byAgreement, byCosine, byBoth, acrossScripts);
}

/**
 * The items to show, in their order: those that pass on their own and hold at least
 * `relativeToBest` of the best one's relevance. Empty means memory holds nothing on the question.
 */
export function keepRelevant<T>(
  items: readonly T[],
  relevanceOf: (item: T) => number,
  t: Pick<RelevanceThresholds, 'relativeToBest'>,
): T[] {
  const scored = items.map((item) => ({ item, r: relevanceOf(item) }));
  const best = Math.max(0, ...scored.map((s) => s.r));
  if (best < 1) return [];
  return scored.filter((s) => s.r >= 1 && s.r >= t.relativeToBest * best).map((s) => s.item);
}
