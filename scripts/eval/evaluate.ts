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
import type { PageMetadata } from '../../src/core/graph/entity';
import {
  ENTITY_WEIGHT,
  entityChunkList,
  namesBySource,
  rankMentioningSources,
  withNames,
} from '../../src/core/rank/entity-list';
import { buildEvalGraph, type EvalGraph } from './entity-graph';
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
 * counted `denseWeight` times (the engine's fusion); gated: hybrid-graph after the relevance
 * gate (src/core/rank/relevance.ts), the pages an answer would cite (a declined question: none);
 * hybrid-graph: hybrid-weighted with a third list, the pages that mention the entities the
 * question names (src/core/rank/entity-list.ts, issue 14), as the engine's retrieve.ts fuses it.
 */
export const METHODS = [
  'keyword',
  'dense',
  'hybrid',
  'hybrid-weighted',
  'hybrid-graph',
  'gated',
] as const;
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
  /** The pages' metadata (entity-graph.ts): builds the knowledge graph for hybrid-graph. */
  metadata?: Readonly<Record<string, PageMetadata>>;
  /** Questions naming an entity, measured as their own group (`kind:entity`), not in `all`. */
  entityQuestions?: readonly EvalQuestion[];
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
  /** The eval pages' graph, where metadata was given. */
  graph?: { entities: number; mentions: number };
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
  /** fused with the graph's list (the same as fused without a graph). */
  withGraph: Array<{ id: string; score: number }>;
  /** The gate's judgement of withGraph's pages, as retrieve.ts judges them. */
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
  graph: EvalGraph | undefined,
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
    const { fused: withGraph, names } = graph
      ? graphFused(graph, question, lists, denseWeight)
      : { fused, names: new Map<string, string[]>() };
    const judged = judgePages(
      {
        question,
        keyword: lists[0] ?? [],
        dense: lists[1] ?? [],
        fused: withGraph,
        textOf: (id) => withNames(texts.get(id) ?? '', names.get(pageOf(id))),
        df: (t) => keyword.documentFrequency(t),
        docs: keyword.size,
        denseReads: denseReads(languages, lang),
        ...(near && denseReads(languages, lang) ? { near } : {}),
      },
      relevance,
    );
    return { lists, fused, withGraph, judged };
  };
}

function groupMetrics(results: readonly QuestionResult[]): EvalReport['metrics'] {
  const groups: Array<[string, (r: QuestionResult) => boolean]> = [
    ['all', (r) => r.kind !== 'entity'],
    ...QUESTION_KINDS.map((k): [string, (r: QuestionResult) => boolean] => [
      `kind:${k}`,
      (r) => r.kind === k,
    ]),
    ['lang:en', (r) => r.lang === 'en' && r.kind !== 'entity'],
    ['lang:zh', (r) => r.lang === 'zh' && r.kind !== 'entity'],
    ['kind:entity', (r) => r.kind === 'entity'],
    ['entity:en', (r) => r.kind === 'entity' && r.lang === 'en'],
    ['entity:zh', (r) => r.kind === 'entity' && r.lang === 'zh'],
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

function gains(all: readonly QuestionResult[]): EvalReport['mrrGain'] {
  const results = all.filter((r) => r.kind !== 'entity');
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
  {
    embed,
    denseWeight,
    relevance,
    languages,
    candidates = 50,
    conversations,
    metadata,
    entityQuestions = [],
  }: EvaluateOptions,
): Promise<EvalReport> {
  const { keyword, vectors, chunks, texts } = await buildIndexes(pages, embed);
  const graph =
    metadata &&
    buildEvalGraph(pages, metadata, {
      df: (t) => keyword.documentFrequency(t),
      documents: keyword.size,
    });
  // Question words too: a question's word may be in no page.
  const near = await nearWords(
    [
      ...texts.values(),
      ...[...questions, ...entityQuestions].map((q) => q.question),
      ...conversationTexts(conversations ?? []),
    ],
    embed,
    relevance.softMatch,
  );
  const asked = [...questions, ...entityQuestions];
  const queryVectors = await embed(
    asked.map((q) => q.question),
    'query',
  );
  const results: QuestionResult[] = [];
  const unanswerable: UnanswerableResult[] = [];
  const declined: Array<{ q: EvalQuestion; declined: boolean }> = [];
  const gateCases: GateCase[] = [];
  const search = searcher({ keyword, vectors, chunks, texts }, near, graph, {
    denseWeight,
    relevance,
    languages,
    candidates,
  });
  asked.forEach((q, i) => {
    const query = queryVectors[i];
    if (!query) throw new Error(`evaluate: no vector for question ${q.id}`);
    const { lists, fused, withGraph, judged } = search(q.question, q.lang, query);
    const gated = gatePages(judged, relevance);
    const best = judged.reduce<GatedPage | undefined>(
      (b, p) => (b && b.relevance >= p.relevance ? b : p),
      undefined,
    );
    // Entity questions are their own group: the gate's numbers and its sweep stay the set's.
    if (q.kind !== 'entity') {
      gateCases.push({
        id: q.id,
        kind: q.kind,
        lang: q.lang,
        answerPage: q.answer_page ?? null,
        pages: judged,
      });
      declined.push({ q, declined: gated.length === 0 });
    }
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
        'hybrid-graph': rankOf(withGraph),
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
    ...(graph ? { graph: { entities: graph.entities, mentions: graph.mentions } } : {}),
  };
}

/**
 * hybrid-weighted with the graph's list of the pages mentioning the question's entities, and each
 * page's names of them (the gate judges a page with them, as retrieve.ts does).
 */
function graphFused(
  graph: EvalGraph,
  question: string,
  lists: ReadonlyArray<ReadonlyArray<{ id: string; score: number }>>,
  denseWeight: number,
): { fused: Array<{ id: string; score: number }>; names: Map<string, string[]> } {
  const named = graph.named(question).map(({ id, name }) => ({
    name,
    mentions: graph.mentionsOf(id),
  }));
  const sources = rankMentioningSources(named.map((n) => n.mentions));
  const entityList = entityChunkList(sources, lists, pageOf, (page) => `${page}#0`);
  const fused = weightedReciprocalRankFusion([...lists, entityList], {
    weights: [1, denseWeight, ENTITY_WEIGHT],
  });
  return { fused, names: namesBySource(named) };
}
