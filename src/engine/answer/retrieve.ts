/**
 * Hybrid retrieval: BM25 and dense vectors (1-bit candidates rescored in int8), fused by weighted
 * reciprocal rank (the dense weight belongs to the embedding model, measured by the eval), nudged
 * by recency and by how often a source was seen, near-duplicates collapsed, at most a few chunks
 * per source, so an answer cites several sources rather than one page many times. A time
 * expression in the question ("last week", "三周前") becomes a filter on when sources were seen.
 * Keyword search needs no model, so it answers from the first second. A question that names a
 * person, organisation, place or event of the knowledge graph adds a third list, the sources that
 * mention it (entity-sources.ts, issue 14): "what did I read by Tariq Panja" finds his articles
 * even where his name is only in their byline.
 *
 * Then the relevance gate (issue 10, core/rank/relevance.ts, thresholds per embedding model in
 * the registry): a source is kept only when it is about the question and holds a good share of
 * the best source's evidence, so an unanswerable question finds nothing and answers say so. A
 * glimpse and the page it was taken on are one memory: the better of the two is cited once.
 * A question about the user's own words ("what did I tell you about…", "我记了什么") searches
 * notes and things said in the chat only (own-words-search.ts, issue 15).
 */
import { rankCandidates } from '../../core/rank/rank';
import { parseTimeFilter, type TimeFilter } from '../../core/time/time-query';
import { weightedReciprocalRankFusion } from '../../core/rank/weighted-fusion';
import { ENTITY_WEIGHT, withNames } from '../../core/rank/entity-list';
import {
  comparable,
  coverage,
  denseReads,
  keepRelevant,
  knownWords,
  questionTerms,
  relevance,
  termWeights,
  UNKNOWN_WORD,
  type NearWords,
} from '../../core/rank/relevance';
import { tokenize } from '../../core/text/tokenize';
import { detectLanguage } from '../../core/text/language';
import type { ChunkRow, EngramDb, SourceRow } from '../../shared/db';
import type { Embedder } from '../models/embedder';
import { chunksById, sourceIdOfChunk } from '../../shared/store/chunks';
import { linksFrom } from '../../shared/store/graph';
import { sourcesById } from '../../shared/store/source-reads';
import type { MemoryIndex } from '../index/memory-index';
import { entitySourceList, type MatchedEntity, type QuestionEntities } from './entity-sources';
import { listedOwnWords, ownWordsScope } from './own-words-search';
import { relatedSourceList, type RelatedSources } from './what-else';

const CANDIDATES = 100;
/** Sources judged for every one cited: the gate may drop some, the rest move up. */
const JUDGED_PER_CITED = 2;

export interface RetrievedSource {
  source: SourceRow;
  /** Best first. */
  chunks: ChunkRow[];
  score: number;
  /** Relevance in units of the model's thresholds (1 or more: relevant). */
  relevance: number;
}

export interface RetrieveOptions {
  /** Use dense vectors (the embedder must be ready). */
  dense: boolean;
  maxSources?: number;
  chunksPerSource?: number;
  now?: number;
  /** The graph's known names: a question naming one brings the sources that mention it. */
  entities?: QuestionEntities | undefined;
  /** "What else…": the cited sources' neighbours in the graph, fused in; the cited left out. */
  related?: RelatedSources | undefined;
}

export interface Retrieval {
  sources: RetrievedSource[];
  /** The time expression the question was narrowed by, if any. */
  time?: TimeFilter;
  /** The entities the question names (empty when none; who-and-when.ts words them). */
  entities: MatchedEntity[];
}

export async function retrieve(
  db: EngramDb,
  index: MemoryIndex,
  embedder: Embedder,
  question: string,
  {
    dense,
    maxSources = 4,
    chunksPerSource = 2,
    now = Date.now(),
    entities,
    related,
  }: RetrieveOptions,
): Promise<Retrieval> {
  const time = parseTimeFilter(question, new Date(now));
  const asked = time?.rest || question;
  // About the user's own words: notes and things said only, listed when nothing else is asked.
  const own = await ownWordsScope(db, asked);
  if (own && !own.query) {
    const listed = await listedOwnWords(db, own, time, maxSources);
    return time ? { sources: listed, time, entities: [] } : { sources: listed, entities: [] };
  }
  const query = own?.query ?? asked;
  const inTime = time ? (id: string) => index.seenBetween(id, time.from, time.to) : undefined;
  const filter = own
    ? (id: string) => own.ids.has(sourceIdOfChunk(id)) && (inTime?.(id) ?? true)
    : inTime;

  const lists = [index.keyword.search(query, CANDIDATES, filter)];
  if (dense && index.vectors.size > 0) {
    const [vector] = await embedder.embed([query], 'query');
    // The dense index filters on its own time column: a typed-array pass, not a call per row.
    const range = time ? { range: { from: time.from, to: time.to } } : {};
    if (vector) lists.push(index.vectors.search(vector, CANDIDATES, range));
  }
  const graph = entities
    ? await entitySourceList(db, entities, query, lists, filter)
    : { list: [], names: new Map<string, string[]>(), entities: [] };
  const hop = related && relatedSourceList(related, lists);
  const graphLists = [graph, ...(hop ? [hop] : [])].filter((g) => g.list.length > 0);
  const names = new Map(graph.names);
  for (const [id, more] of hop?.names ?? []) names.set(id, [...(names.get(id) ?? []), ...more]);
  // The weights follow the lists: keyword, dense where it ran, then the graph's where they found any.
  const weights = [
    1,
    ...(lists.length > 1 ? [embedder.spec.denseWeight] : []),
    ...graphLists.map(() => ENTITY_WEIGHT),
  ];
  const ranked = rankCandidates(
    [...lists, ...graphLists.map((g) => g.list)],
    (id) => index.infoOf(id),
    {
      now,
      limit: maxSources * JUDGED_PER_CITED * chunksPerSource * 2,
      perSource: chunksPerSource,
      fuse: (l) => weightedReciprocalRankFusion(l, { weights }),
    },
  );

  const bySource = new Map<string, { chunkIds: string[]; score: number }>();
  for (const { id, score } of ranked) {
    const sourceId = sourceIdOfChunk(id);
    if (related?.exclude.has(sourceId)) continue;
    const entry = bySource.get(sourceId);
    if (entry) entry.chunkIds.push(id);
    else if (bySource.size < maxSources * JUDGED_PER_CITED) {
      bySource.set(sourceId, { chunkIds: [id], score });
    }
  }
  const sourceIds = [...bySource.keys()];
  const [sources, chunks] = await Promise.all([
    sourcesById(db, sourceIds),
    chunksById(
      db,
      [...bySource.values()].flatMap((e) => e.chunkIds),
    ),
  ]);
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  const near = dense
    ? await nearWordsOf(embedder, query, [
        ...sources.map((s) => s?.title ?? ''),
        ...chunks.map((c) => c.text),
      ])
    : undefined;
  const judge = judgeOf(index, embedder, query, lists, near, names);
  const results: RetrievedSource[] = [];
  sources.forEach((source, i) => {
    const entry = bySource.get(sourceIds[i] ?? '');
    if (!source || !entry) return; // Deleted since it was indexed.
    if (own && !own.ids.has(source.id)) return; // A page the dense list brought.
    const best = entry.chunkIds.map((id) => chunkById.get(id)).filter((c) => c !== undefined);
    if (best.length === 0) return;
    const r = judge(source, best);
    results.push({ source, chunks: best, score: entry.score, relevance: r });
  });
  const relevant = keepRelevant(results, (r) => r.relevance, embedder.spec.relevance);
  const kept = (await oneCitationPerCapture(db, relevant)).slice(0, maxSources);
  const found = { sources: kept, entities: graph.entities };
  return time ? { ...found, time } : found;
}

/**
 * Word vectors for the gate's soft match (relevance.ts softMatch), where the model has them (one
 * vector per word, as GloVe) and reads the question: those of the question's and the passages'
 * words, embedded one word each.
 */
async function nearWordsOf(
  embedder: Embedder,
  query: string,
  texts: readonly string[],
): Promise<NearWords | undefined> {
  const soft = embedder.spec.relevance.softMatch;
  if (!soft || !denseReads(embedder.spec.languages, detectLanguage(query))) return undefined;
  const words = [...new Set([query, ...texts].flatMap((t) => tokenize(t)))];
  const [unknown, ...vectors] = await embedder.embed([UNKNOWN_WORD, ...words], 'passage');
  return unknown && { vectors: knownWords(words, vectors, unknown), ...soft };
}

/** Scores a source's retrieved chunks against the question (relevance.ts). */
function judgeOf(
  index: MemoryIndex,
  embedder: Embedder,
  query: string,
  lists: ReadonlyArray<ReadonlyArray<{ id: string; score: number }>>,
  near?: NearWords,
  names?: ReadonlyMap<string, readonly string[]>,
): (source: SourceRow, chunks: readonly ChunkRow[]) => number {
  const weights = termWeights(
    questionTerms(query),
    (t) => index.keyword.documentFrequency(t),
    index.keyword.size,
  );
  const [keyword = [], dense] = lists;
  const rankOf = (list: ReadonlyArray<{ id: string }>): Map<string, number> => {
    const ranks = new Map<string, number>();
    for (const { id } of list) {
      const s = sourceIdOfChunk(id);
      if (!ranks.has(s)) ranks.set(s, ranks.size + 1);
    }
    return ranks;
  };
  const keywordRanks = rankOf(keyword);
  const denseRanks = dense && rankOf(dense);
  // An English-only model's cosine for a Chinese question means nothing.
  const reads = denseReads(embedder.spec.languages, detectLanguage(query));
  const cosineOf = new Map(reads && dense ? dense.map((s) => [s.id, s.score]) : []);
  const thresholds = embedder.spec.relevance;
  return (source, chunks) => {
    const cosines = chunks.map((c) => cosineOf.get(c.id)).filter((c) => c !== undefined);
    const texts = chunks.map((c) => withNames(`${source.title}\n${c.text}`, names?.get(source.id)));
    const keywordRank = keywordRanks.get(source.id);
    const denseRank = denseRanks?.get(source.id);
    return relevance(
      {
        coverage: Math.max(0, ...texts.map((text) => coverage(weights, text, near))),
        comparable: texts.some((text) => comparable(weights, text)),
        ...(keywordRank !== undefined ? { keywordRank } : {}),
        ...(denseRank !== undefined ? { denseRank } : {}),
        ...(cosines.length > 0 ? { cosine: Math.max(...cosines) } : {}),
      },
      thresholds,
    );
  };
}

/**
 * One capture is one memory: the shortcut saves the page and a glimpse of it (a `glimpse` source
 * linked to the page), which must not be cited as [1] and [2]. The more relevant of the two
 * stays, at the better of their places.
 */
async function oneCitationPerCapture(
  db: EngramDb,
  sources: readonly RetrievedSource[],
): Promise<RetrievedSource[]> {
  // The glimpses' page links, read together (a question cites a handful of sources).
  const glimpses = sources.filter(({ source }) => source.kind === 'glimpse');
  const links = await Promise.all(glimpses.map(({ source }) => linksFrom(db, source.id).toArray()));
  const memoryOf = new Map<string, string>();
  glimpses.forEach(({ source }, i) => {
    const page = links[i]?.find((l) => l.kind === 'glimpse');
    if (page) memoryOf.set(source.id, page.toId);
  });
  const slots = new Map<string, number>();
  const kept: RetrievedSource[] = [];
  for (const s of sources) {
    const memory = memoryOf.get(s.source.id) ?? s.source.id;
    const slot = slots.get(memory);
    if (slot === undefined) {
      slots.set(memory, kept.length);
      kept.push(s);
    } else if (s.relevance > (kept[slot]?.relevance ?? Infinity)) {
      kept[slot] = s;
    }
  }
  return kept;
}
