/**
 * Retrieval quality on the eval set: every page chunked and indexed as the engine does it
 * (src/engine/ingest/ingest.ts, index/memory-index.ts, answer/retrieve.ts), then, per question, the rank of the page
 * that answers it under keyword-only, dense-only and hybrid search. Free of model loading: the
 * caller passes an `Embed` function, so the test and the CLI measure the same thing.
 */
import { Bm25Index } from '../../src/core/index/bm25';
import { chunkText } from '../../src/core/text/chunk';
import { reciprocalRankFusion } from '../../src/core/rank/fusion';
import { FlatVectorIndex } from '../../src/core/index/vector';
import { weightedReciprocalRankFusion } from '../../src/core/rank/weighted-fusion';
import {
  denseReads,
  knownWords,
  UNKNOWN_WORD,
  type NearWords,
  type RelevanceThresholds,
} from '../../src/core/rank/relevance';
import { tokenize } from '../../src/core/text/tokenize';
import { isAnswerable, QUESTION_KINDS, type EvalPage, type EvalQuestion } from './corpus';
import { gatePages, judgePages, type GatedPage } from './gate';
import {
  conversationTexts,
  evaluateFollowUps,
  type EvalConversation,
  type FollowUpReport,
} from './follow-ups';
import { metricsOf, pairedBootstrap, reciprocal, type Interval, type Metrics } from './stats';

export type Embed = (
  texts: readonly string[],
  kind: 'query' | 'passage',
) => Promise<Float32Array[]>;

/**
 * hybrid: plain RRF (k = 60, equal weights); hybrid-weighted: weighted RRF with the dense list
 * counted `denseWeight` times (the engine's fusion); gated: hybrid-weighted after the relevance
 * gate (src/core/rank/relevance.ts), the pages an answer would cite (a declined question: none).
 */
export const METHODS = ['keyword', 'dense', 'hybrid', 'hybrid-weighted', 'gated'] as const;
export type Method = (typeof METHODS)[number];

export interface EvaluateOptions {
  embed: Embed;
  /** Weight of the dense list in hybrid-weighted (keyword counts 1). */
  denseWeight: number;
  /** The model's relevance thresholds (the registry's). */
  relevance: RelevanceThresholds;
  /** The languages the model reads (the registry's). */
  languages: readonly string[];
  /** Chunks each search returns before fusion; the engine's retrieve.ts uses 50. */
  candidates?: number;
  /** Follow-up conversations to measure too (follow-ups.ts). */
  conversations?: readonly EvalConversation[];
}

export interface QuestionResult {
  id: string;
  kind: Exclude<EvalQuestion['kind'], 'unanswerable'>;
  lang: EvalQuestion['lang'];
  answerPage: string;
  /** 1-based page rank of the answer per method; null where no candidate chunk came from it. */
  ranks: Record<Method, number | null>;
  /** The gate's judgement of the best page (undefined when nothing matched at all). */
  best?: GatedPage;
}

/** A question no page answers: did the gate decline it? */
export interface UnanswerableResult {
  id: string;
  lang: EvalQuestion['lang'];
  declined: boolean;
  /** What would have been cited. */
  cited: string[];
  best?: GatedPage;
}

/** A question with the gate's evidence for its judged pages (fused order), to re-gate offline. */
export interface GateCase {
  id: string;
  kind: EvalQuestion['kind'];
  lang: EvalQuestion['lang'];
  /** null for an unanswerable question. */
  answerPage: string | null;
  pages: GatedPage[];
}

export interface DeclineRates {
  /** Share of unanswerable questions declined (the goal: all). */
  unanswerable: number;
  /** Share of answerable questions declined (the goal: none). */
  answerable: number;
  byLang: Record<string, number>;
}

export interface EvalReport {
  pages: number;
  chunks: number;
  candidates: number;
  denseWeight: number;
  /** Metrics per method: overall (`all`) and per group (`kind:lexical`, `lang:zh`, …). */
  metrics: Record<string, Record<Method, Metrics>>;
  /** Per-question reciprocal rank of each hybrid minus that of the best single method, overall. */
  mrrGain: Record<'hybrid' | 'hybrid-weighted', { overKeyword: Interval; overDense: Interval }>;
  declines: DeclineRates;
  questions: QuestionResult[];
  unanswerable: UnanswerableResult[];
  /** Every question's judged pages (scripts/eval/gate-sweep.ts re-gates them). */
  gateCases: GateCase[];
  /** Follow-ups in context, alone and asked in full, where conversations were given. */
  followUps?: FollowUpReport;
}

const pageOf = (chunkId: string): string => chunkId.slice(0, chunkId.lastIndexOf('#'));

/** Pages in the order of their best chunk: a page ranks where its first chunk appears. */
export function pageRanking(chunks: ReadonlyArray<{ id: string }>): string[] {
  return [...new Set(chunks.map(({ id }) => pageOf(id)))];
}

interface Indexes {
  keyword: Bm25Index;
  vectors: FlatVectorIndex;
  chunks: number;
  /** Chunk text with its page title, as retrieve.ts judges relevance. */
  texts: Map<string, string>;
}

async function buildIndexes(pages: readonly EvalPage[], embed: Embed): Promise<Indexes> {
  const keyword = new Bm25Index();
  const ids: string[] = [];
  const texts: string[] = [];
  const withTitle = new Map<string, string>();
  for (const page of pages) {
    chunkText(page.text).forEach((chunk, ord) => {
      const id = `${page.id}#${ord}`;
      // As memory-index.ts does: the title is searchable by keyword with the first chunk.
      keyword.add(id, ord === 0 && page.title ? `${page.title}\n${chunk.text}` : chunk.text);
      ids.push(id);
      texts.push(chunk.text);
      withTitle.set(id, `${page.title}\n${chunk.text}`);
    });
  }
  const embedded = await embed(texts, 'passage');
  const dims = embedded[0]?.length;
  if (!dims) throw new Error('evaluate: the embedder returned no vectors');
  const vectors = new FlatVectorIndex(dims);
  ids.forEach((id, i) => {
    const v = embedded[i];
    if (!v) throw new Error(`evaluate: no vector for chunk ${id}`);
    vectors.upsert(id, v);
  });
  return { keyword, vectors, chunks: ids.length, texts: withTitle };
}

/** One question's search, as the engine runs it: both lists, their fusion, the gate's judgement. */
export interface Searched {
  lists: Array<Array<{ id: string; score: number }>>;
  fused: Array<{ id: string; score: number }>;
  judged: GatedPage[];
}

export type Search = (
  question: string,
  lang: EvalQuestion['lang'],
  vector: Float32Array,
) => Searched;

/** A search over built indexes (shared by the question set and the follow-ups, follow-ups.ts). */
function searcher(
  { keyword, vectors, texts }: Indexes,
  near: NearWords | undefined,
  {
    denseWeight,
    relevance,
    languages,
    candidates,
  }: Required<Pick<EvaluateOptions, 'denseWeight' | 'relevance' | 'languages' | 'candidates'>>,
): Search {
  return (question, lang, vector) => {
    const lists = [keyword.search(question, candidates), vectors.search(vector, candidates)];
    const fused = weightedReciprocalRankFusion(lists, { weights: [1, denseWeight] });
    const judged = judgePages(
      {
        question,
        keyword: lists[0] ?? [],
        dense: lists[1] ?? [],
        fused,
        textOf: (id) => texts.get(id) ?? '',
        df: (t) => keyword.documentFrequency(t),
        docs: keyword.size,
        denseReads: denseReads(languages, lang),
        ...(near && denseReads(languages, lang) ? { near } : {}),
      },
      relevance,
    );
    return { lists, fused, judged };
  };
}

function groupMetrics(results: readonly QuestionResult[]): EvalReport['metrics'] {
  const groups: Array<[string, (r: QuestionResult) => boolean]> = [
    ['all', () => true],
    ...QUESTION_KINDS.map((k): [string, (r: QuestionResult) => boolean] => [
      `kind:${k}`,
      (r) => r.kind === k,
    ]),
    ['lang:en', (r) => r.lang === 'en'],
    ['lang:zh', (r) => r.lang === 'zh'],
  ];
  const out: EvalReport['metrics'] = {};
  for (const [name, keep] of groups) {
    const members = results.filter(keep);
    if (members.length === 0) continue;
    const of = (m: Method): Metrics => metricsOf(members.map((r) => r.ranks[m]));
    out[name] = Object.fromEntries(METHODS.map((m) => [m, of(m)])) as Record<Method, Metrics>;
  }
  return out;
}

function gains(results: readonly QuestionResult[]): EvalReport['mrrGain'] {
  const rr = (m: Method): number[] => results.map((r) => reciprocal(r.ranks[m]));
  const over = (m: 'hybrid' | 'hybrid-weighted') => ({
    overKeyword: pairedBootstrap(rr(m), rr('keyword')),
    overDense: pairedBootstrap(rr(m), rr('dense')),
  });
  return { hybrid: over('hybrid'), 'hybrid-weighted': over('hybrid-weighted') };
}

/**
 * The soft match's word vectors (relevance.ts softMatch) for every word of the pages, embedded
 * once: the engine embeds those of the passages it judges, which gives each word the same vector.
 */
async function nearWords(
  texts: Iterable<string>,
  embed: Embed,
  softMatch: RelevanceThresholds['softMatch'],
): Promise<NearWords | undefined> {
  if (!softMatch) return undefined;
  const words = [...new Set([...texts].flatMap((t) => tokenize(t)))];
  const [unknown] = await embed([UNKNOWN_WORD], 'passage');
  if (!unknown) throw new Error('evaluate: no vector for the unknown word');
  return { vectors: knownWords(words, await embed(words, 'passage'), unknown), ...softMatch };
}

const share = (xs: readonly boolean[]): number =>
  xs.length === 0 ? 0 : xs.filter(Boolean).length / xs.length;

export async function evaluate(
  pages: readonly EvalPage[],
  questions: readonly EvalQuestion[],
  { embed, denseWeight, relevance, languages, candidates = 50, conversations }: EvaluateOptions,
): Promise<EvalReport> {
  const { keyword, vectors, chunks, texts } = await buildIndexes(pages, embed);
  // Question words too: a question's word may be in no page.
  const near = await nearWords(
    [
      ...texts.values(),
      ...questions.map((q) => q.question),
      ...conversationTexts(conversations ?? []),
    ],
    embed,
    relevance.softMatch,
  );
  const queryVectors = await embed(
    questions.map((q) => q.question),
    'query',
  );
  const results: QuestionResult[] = [];
  const unanswerable: UnanswerableResult[] = [];
  const declined: Array<{ q: EvalQuestion; declined: boolean }> = [];
  const gateCases: GateCase[] = [];
  const search = searcher({ keyword, vectors, chunks, texts }, near, {
    denseWeight,
    relevance,
    languages,
    candidates,
  });
  questions.forEach((q, i) => {
    const query = queryVectors[i];
    if (!query) throw new Error(`evaluate: no vector for question ${q.id}`);
    const { lists, fused, judged } = search(q.question, q.lang, query);
    gateCases.push({
      id: q.id,
      kind: q.kind,
      lang: q.lang,
      answerPage: q.answer_page ?? null,
      pages: judged,
    });
    const gated = gatePages(judged, relevance);
    const best = judged.reduce<GatedPage | undefined>(
      (b, p) => (b && b.relevance >= p.relevance ? b : p),
      undefined,
    );
    declined.push({ q, declined: gated.length === 0 });
    if (!isAnswerable(q)) {
      unanswerable.push({
        id: q.id,
        lang: q.lang,
        declined: gated.length === 0,
        cited: gated,
        ...(best ? { best } : {}),
      });
      return;
    }
    const rankIn = (ranking: readonly string[]): number | null => {
      const rank = ranking.indexOf(q.answer_page);
      return rank < 0 ? null : rank + 1;
    };
    const rankOf = (list: ReadonlyArray<{ id: string }>) => rankIn(pageRanking(list));
    results.push({
      id: q.id,
      kind: q.kind,
      lang: q.lang,
      answerPage: q.answer_page,
      ranks: {
        keyword: rankOf(lists[0] ?? []),
        dense: rankOf(lists[1] ?? []),
        hybrid: rankOf(reciprocalRankFusion(lists)),
        'hybrid-weighted': rankOf(fused),
        gated: rankIn(gated),
      },
      ...(best ? { best } : {}),
    });
  });
  const followUps =
    conversations && (await evaluateFollowUps(conversations, pages, search, embed, relevance));
  const rate = (keep: (q: EvalQuestion) => boolean) =>
    share(declined.filter((d) => keep(d.q)).map((d) => d.declined));
  return {
    pages: pages.length,
    chunks,
    candidates,
    denseWeight,
    metrics: groupMetrics(results),
    mrrGain: gains(results),
    declines: {
      unanswerable: rate((q) => !isAnswerable(q)),
      answerable: rate(isAnswerable),
      byLang: {
        'unanswerable:en': rate((q) => !isAnswerable(q) && q.lang === 'en'),
        'unanswerable:zh': rate((q) => !isAnswerable(q) && q.lang === 'zh'),
      },
    },
    questions: results,
    unanswerable,
    gateCases,
    ...(followUps ? { followUps } : {}),
  };
}
