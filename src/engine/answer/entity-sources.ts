/**
 * The graph's part of the chat's retrieval (issue 14, "In the chat"): the entities the question
 * names, found by the engine's matcher of known names (ingest/known-entities.ts: people,
 * organisations, places and events, over entityKey-folded text, so "Jose Garcia" finds "José
 * García"), and the sources that mention them, as a ranked list of chunks to fuse with keyword and
 * dense search (core/rank/entity-list.ts). Not ideas (key phrases): matched in the questions of
 * the retrieval eval they only repeat keyword search, and cost a little (MRR 0.770 → 0.767 on the
 * set, 0.819 → 0.792 on the entity questions, 7 December 2026). Bounded: a few entities, a few
 * hundred mentions each, read by the mentions' entityId index; no scan.
 */
import {
  entityChunkList,
  namesBySource,
  questionForNames,
  rankMentioningSources,
} from '../../core/rank/entity-list';
import type { EntityMatch } from '../../core/graph/entity-matcher';
import type { EngramDb, MentionRow } from '../../shared/db';
import { chunkId, sourceIdOfChunk } from '../../shared/store/chunks';

/** What the chat needs of the known names (ingest/known-entities.ts has it). */
export interface QuestionEntities {
  ready(): Promise<void>;
  find(text: string): EntityMatch[];
}

export interface NamedEntity {
  id: string;
  /** As the question writes it. */
  name: string;
}

export interface EntitySources {
  /** Chunks standing for the sources, best first (empty when the question names no entity). */
  list: Array<{ id: string; score: number }>;
  /** Each listed source's names of the question's entities (core/rank/entity-list.ts withNames). */
  names: Map<string, string[]>;
  /** The question's entities, with their display names and the mentions read (who-and-when.ts). */
  entities: MatchedEntity[];
}

/** An entity the question names, as the graph knows it. */
export interface MatchedEntity {
  id: string;
  /** The graph's display name (the question may write it in lower case). */
  name: string;
  mentions: Array<Pick<MentionRow, 'sourceId' | 'role'>>;
}

/** A question names a handful of entities; more is a pasted text, not a question about them. */
export const MAX_QUESTION_ENTITIES = 5;
/** Mentions read per entity: an entity on thousands of pages says little about which to cite. */
export const MENTIONS_PER_ENTITY = 200;

/** The entities the question names, once each, in order (at most MAX_QUESTION_ENTITIES). */
export async function questionEntities(
  entities: QuestionEntities,
  question: string,
): Promise<NamedEntity[]> {
  await entities.ready();
  const text = questionForNames(question);
  const out = new Map<string, NamedEntity>();
  for (const { id, start, end } of entities.find(text)) {
    if (out.size >= MAX_QUESTION_ENTITIES) break;
    if (!out.has(id)) out.set(id, { id, name: text.slice(start, end) });
  }
  return [...out.values()];
}

/**
 * The chunks standing for the sources that mention the question's entities, best first, and the
 * names each source holds; empty when it names none. `lists` are the passage searches' (a source stands as its best chunk in
 * them); `keep` is the time filter's, by chunk id.
 */
export async function entitySourceList(
  db: EngramDb,
  entities: QuestionEntities,
  question: string,
  lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  keep?: (chunkId: string) => boolean,
): Promise<EntitySources> {
  const named = await questionEntities(entities, question);
  if (named.length === 0) return { list: [], names: new Map(), entities: [] };
  const [mentions, rows] = await Promise.all([
    Promise.all(
      named.map(({ id }) =>
        db.mentions.where('entityId').equals(id).limit(MENTIONS_PER_ENTITY).toArray(),
      ),
    ),
    db.entities.bulkGet(named.map(({ id }) => id)),
  ]);
  const list = entityChunkList(rankMentioningSources(mentions), lists, sourceIdOfChunk, (s) =>
    chunkId(s, 0),
  );
  const names = namesBySource(named.map(({ name }, i) => ({ name, mentions: mentions[i] ?? [] })));
  const matched = named.map(({ id, name }, i) => ({
    id,
    name: rows[i]?.name ?? name,
    mentions: (mentions[i] ?? []).map(({ sourceId, role }) => ({ sourceId, role })),
  }));
  return { list: keep ? list.filter(({ id }) => keep(id)) : list, names, entities: matched };
}
