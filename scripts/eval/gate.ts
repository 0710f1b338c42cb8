/**
 * The relevance gate of retrieve.ts (src/core/rank/relevance.ts) applied to the eval's lists: the
 * pages of the fused ranking, each with the evidence of its best chunks, kept only when relevant
 * on their own and relative to the best page. An empty result is a declined question.
 */
import {
  comparable,
  coverage,
  keepRelevant,
  questionTerms,
  relevance,
  termWeights,
  type Evidence,
  type NearWords,
  type RelevanceThresholds,
} from '../../src/core/rank/relevance';
import type { Scored } from '../../src/core/index/top-k';

/** Pages judged per question: the engine cites four at most; recall@5 needs five. */
const PAGES = 10;
/** Chunks per page the engine keeps (retrieve.ts chunksPerSource). */
const CHUNKS_PER_PAGE = 2;

export interface GateInput {
  question: string;
  keyword: readonly Scored[];
  dense: readonly Scored[];
  fused: ReadonlyArray<{ id: string }>;
  /** Chunk text with its page title, by chunk id. */
  textOf: (chunkId: string) => string;
  df: (term: string) => number;
  docs: number;
  /** Whether the model reads the question's language (relevance.ts denseReads). */
  denseReads: boolean;
  /** Word vectors for the soft match, where the model has them and reads the question. */
  near?: NearWords;
}

export interface GatedPage {
  page: string;
  evidence: Evidence;
  relevance: number;
}

const pageOf = (chunkId: string): string => chunkId.slice(0, chunkId.lastIndexOf('#'));

function pageRanks(list: ReadonlyArray<{ id: string }>): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const { id } of list) if (!ranks.has(pageOf(id))) ranks.set(pageOf(id), ranks.size + 1);
  return ranks;
}

/** Every judged page with its evidence, in fused order (before the gate). */
export function judgePages(input: GateInput, thresholds: RelevanceThresholds): GatedPage[] {
  const weights = termWeights(questionTerms(input.question), input.df, input.docs);
  const keywordRanks = pageRanks(input.keyword);
  const denseRanks = pageRanks(input.dense);
  const cosineOf = new Map(input.dense.map((s) => [s.id, s.score]));
  const chunksOf = new Map<string, string[]>();
  for (const { id } of input.fused) {
    const page = pageOf(id);
    const chunks = chunksOf.get(page) ?? [];
    if (!chunksOf.has(page)) {
      if (chunksOf.size >= PAGES) continue;
      chunksOf.set(page, chunks);
    }
    if (chunks.length < CHUNKS_PER_PAGE) chunks.push(id);
  }
  return [...chunksOf].map(([page, chunks]) => {
    const cosines = input.denseReads
      ? chunks.map((id) => cosineOf.get(id)).filter((c) => c !== undefined)
      : [];
    const evidence: Evidence = {
      coverage: Math.max(0, ...chunks.map((id) => coverage(weights, input.textOf(id), input.near))),
      comparable: chunks.some((id) => comparable(weights, input.textOf(id))),
      ...(keywordRanks.has(page) ? { keywordRank: keywordRanks.get(page) } : {}),
      ...(denseRanks.has(page) ? { denseRank: denseRanks.get(page) } : {}),
      ...(cosines.length > 0 ? { cosine: Math.max(...cosines) } : {}),
    };
    return { page, evidence, relevance: relevance(evidence, thresholds) };
  });
}

/** The pages the gate keeps, best first; empty when the question is declined. */
export function gatePages(pages: readonly GatedPage[], thresholds: RelevanceThresholds): string[] {
  return keepRelevant(pages, (p) => p.relevance, thresholds).map((p) => p.page);
}
