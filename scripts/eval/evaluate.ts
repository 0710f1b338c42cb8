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
import { QUESTION_KINDS, type EvalPage, type EvalQuestion } from './corpus';
import { metricsOf, pairedBootstrap, reciprocal, type Interval, type Metrics } from './stats';

export type Embed = (
  texts: readonly string[],
  kind: 'query' | 'passage',
) => Promise<Float32Array[]>;

/**
 * hybrid: the engine's fusion today (reciprocalRankFusion, k = 60, equal weights);
 * hybrid-weighted: weighted RRF with the dense list counted `denseWeight` times.
 */
export const METHODS = ['keyword', 'dense', 'hybrid', 'hybrid-weighted'] as const;
export type Method = (typeof METHODS)[number];

export interface EvaluateOptions {
  embed: Embed;
  /** Weight of the dense list in hybrid-weighted (keyword counts 1). */
  denseWeight: number;
  /** Chunks each search returns before fusion; the engine's retrieve.ts uses 50. */
  candidates?: number;
}

export interface QuestionResult {
  id: string;
  kind: EvalQuestion['kind'];
  lang: EvalQuestion['lang'];
  answerPage: string;
  /** 1-based page rank of the answer per method; null where no candidate chunk came from it. */
  ranks: Record<Method, number | null>;
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
  questions: QuestionResult[];
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
}

async function buildIndexes(pages: readonly EvalPage[], embed: Embed): Promise<Indexes> {
  const keyword = new Bm25Index();
  const ids: string[] = [];
  const texts: string[] = [];
  for (const page of pages) {
    chunkText(page.text).forEach((chunk, ord) => {
      const id = `${page.id}#${ord}`;
      // As memory-index.ts does: the title is searchable by keyword with the first chunk.
      keyword.add(id, ord === 0 && page.title ? `${page.title}\n${chunk.text}` : chunk.text);
      ids.push(id);
      texts.push(chunk.text);
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
  return { keyword, vectors, chunks: ids.length };
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
    out[name] = {
      keyword: of('keyword'),
      dense: of('dense'),
      hybrid: of('hybrid'),
      'hybrid-weighted': of('hybrid-weighted'),
    };
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

export async function evaluate(
  pages: readonly EvalPage[],
  questions: readonly EvalQuestion[],
  { embed, denseWeight, candidates = 50 }: EvaluateOptions,
): Promise<EvalReport> {
  const { keyword, vectors, chunks } = await buildIndexes(pages, embed);
  const queryVectors = await embed(
    questions.map((q) => q.question),
    'query',
  );
  const results = questions.map((q, i): QuestionResult => {
    const query = queryVectors[i];
    if (!query) throw new Error(`evaluate: no vector for question ${q.id}`);
    const lists = [keyword.search(q.question, candidates), vectors.search(query, candidates)];
    const rankOf = (list: ReadonlyArray<{ id: string }>): number | null => {
      const rank = pageRanking(list).indexOf(q.answer_page);
      return rank < 0 ? null : rank + 1;
    };
    return {
      id: q.id,
      kind: q.kind,
      lang: q.lang,
      answerPage: q.answer_page,
      ranks: {
        keyword: rankOf(lists[0] ?? []),
        dense: rankOf(lists[1] ?? []),
        hybrid: rankOf(reciprocalRankFusion(lists)),
        'hybrid-weighted': rankOf(
          weightedReciprocalRankFusion(lists, { weights: [1, denseWeight] }),
        ),
      },
    };
  });
  return {
    pages: pages.length,
    chunks,
    candidates,
    denseWeight,
    metrics: groupMetrics(results),
    mrrGain: gains(results),
    questions: results,
  };
}
