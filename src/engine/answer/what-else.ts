/**
 * "What else did I read about this?" (issue 14, "In the chat"): a question asking for more of
 * what the last answer cited is answered from the graph, one hop from the cited sources
 * (store/graph-hop.ts): the pages that share their people, places and ideas, or link to them. It
 * is searched by the names of what they share ("Mira Okonkwo"), so keyword search and the
 * relevance gate judge the neighbours on what connects them; the neighbours join retrieval as one
 * more ranked list, like the entity list, and the sources already cited are left out.
 */
import { asksWhatElse } from '../../core/dialogue/what-else';
import { entityChunkList } from '../../core/rank/entity-list';
import type { EngramDb, SearchedFor } from '../../shared/db';
import { languageOfText, tIn } from '../../shared/i18n-in';
import { chunkId, sourceIdOfChunk } from '../../shared/store/chunks';
import { oneHopSources, type HopSource } from '../../shared/store/graph-hop';
import type { ConversationContext } from './conversation-context';
import type { EntitySources } from './entity-sources';

/** Shared names searched: the strongest few say what connects the pages. */
const SEARCHED_NAMES = 3;

/** The neighbours retrieval fuses in, and the sources it must not cite again. */
export interface RelatedSources {
  sources: readonly HopSource[];
  exclude: ReadonlySet<string>;
}

export interface WhatElse {
  /** What to search instead of the question. */
  query: string;
  related: RelatedSources;
  searched: SearchedFor;
}

/**
 * The search for a "what else" question whose turn before cited sources; undefined for any other
 * question (it is searched as asked).
 */
export async function whatElse(
  db: EngramDb,
  question: string,
  conversation: ConversationContext,
): Promise<WhatElse | undefined> {
  const cited = conversation.earlier?.sourceIds.filter((id) => id !== '') ?? [];
  if (cited.length === 0 || !asksWhatElse(question)) return undefined;
  const hop = await oneHopSources(db, cited);
  const names = hop.entities.slice(0, SEARCHED_NAMES).map((e) => e.name);
  const language = languageOfText(question);
  // Connected by links alone: the earlier turn's own search says what "this" is.
  const earlier = conversation.earlier?.question ?? question;
  const what = names.length > 0 ? listOf(names, language) : earlier;
  return {
    query: names.length > 0 ? names.join(' ') : earlier,
    related: { sources: hop.sources, exclude: new Set(cited) },
    searched: { query: tIn(language, 'answerSearchedConnected', what) },
  };
}

const listOf = (names: readonly string[], language: 'en' | 'zh'): string =>
  new Intl.ListFormat(language === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(names);

/**
 * The neighbours as a ranked list of chunks for fusion (each stands as its best chunk in the
 * passage searches), with the shared names the relevance gate reads with each.
 */
export function relatedSourceList(
  related: RelatedSources,
  lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
): EntitySources {
  const list = entityChunkList(
    related.sources.map((s) => s.id),
    lists,
    sourceIdOfChunk,
    (s) => chunkId(s, 0),
  );
  return { list, names: new Map(related.sources.map((s) => [s.id, s.names])), entities: [] };
}
