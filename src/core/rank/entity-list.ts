/**
 * The graph's list for a question that names entities (issue 14, "In the chat"): the sources that
 * mention them, as a third ranked list fused with keyword and dense search. Keyword search finds
 * a name as two common words among many ("Geoffrey", "Hinton"); the graph knows which pages are
 * by, about or name that person, so "what did I read about X" ranks them first even when the name
 * is a small part of their text, or is written another way ("José García" for "Jose Garcia").
 *
 * Pure: the caller reads the mentions (bounded per entity) and says which chunk stands for each
 * source, so the engine and the eval (scripts/eval/evaluate.ts) rank the same way.
 */
import { ROLES, type StoredRole } from '../graph/source-graph';

export interface Mention {
  sourceId: string;
  role?: StoredRole | undefined;
  weight?: number | undefined;
}

/**
 * The list's weight in the weighted fusion, beside keyword (1) and dense (the model's
 * denseWeight): a page the question names by its author or subject is strong evidence, but the
 * list holds every page that mentions the entity, so it counts as one retriever, not more.
 * Measured by the retrieval eval (scripts/eval/retrieval.ts, kind:entity).
 */
export const ENTITY_WEIGHT = 1;

const POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}])/gu;

/**
 * A question as the matcher of known names reads it: without English possessives, which the fold
 * would glue to the name ("Musil's" folds to "musils", not "musil"), so "Steven Musil's story"
 * names Steven Musil. A name ending in 's itself is rarer than a question asking for someone's.
 */
export const questionForNames = (question: string): string => question.replace(POSSESSIVE, '');

/** Sources ranked per question: a list longer than this adds nothing fusion can use. */
export const ENTITY_LIST_LIMIT = 30;

const roleRank = (role: StoredRole | undefined): number =>
  role === undefined ? ROLES.length : ROLES.indexOf(role);

/**
 * Sources by how many of the question's entities they mention (a page about Hinton and Google
 * answers "Hinton at Google" before one about either), then by the strongest role (an author's
 * page before one that names them), then by the mention's weight, then by id (deterministic).
 */
export function rankMentioningSources(
  mentionsPerEntity: ReadonlyArray<ReadonlyArray<Mention>>,
  limit = ENTITY_LIST_LIMIT,
): string[] {
  const bySource = new Map<string, { entities: number; role: number; weight: number }>();
  for (const mentions of mentionsPerEntity) {
    const counted = new Set<string>();
    for (const { sourceId, role, weight = 1 } of mentions) {
      const seen = bySource.get(sourceId) ?? { entities: 0, role: ROLES.length, weight: 0 };
      if (!counted.has(sourceId)) seen.entities += 1;
      counted.add(sourceId);
      seen.role = Math.min(seen.role, roleRank(role));
      seen.weight += weight;
      bySource.set(sourceId, seen);
    }
  }
  return [...bySource.entries()]
    .sort(
      ([a, x], [b, y]) =>
        y.entities - x.entities ||
        x.role - y.role ||
        y.weight - x.weight ||
        (a < b ? -1 : a > b ? 1 : 0),
    )
    .slice(0, limit)
    .map(([id]) => id);
}

/**
 * A passage as the relevance gate judges it when its source mentions entities the question names:
 * with their names as the question wrote them, since the graph knows the source holds them even
 * where its text does not (an author is in the byline, not the article).
 */
export const withNames = (text: string, names: readonly string[] | undefined): string =>
  names && names.length > 0 ? `${names.join('\n')}\n${text}` : text;

/** Each source's names of the question's entities it mentions (for withNames). */
export function namesBySource(
  named: ReadonlyArray<{ name: string; mentions: ReadonlyArray<Mention> }>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { name, mentions } of named) {
    for (const { sourceId } of mentions) {
      const names = out.get(sourceId) ?? [];
      if (!names.includes(name)) names.push(name);
      out.set(sourceId, names);
    }
  }
  return out;
}

/**
 * The ranked sources as a list of chunks, for fusion with the chunk lists: each source stands as
 * its best chunk in the other lists (the passage search already found), else its first chunk.
 */
export function entityChunkList(
  sourceIds: readonly string[],
  lists: ReadonlyArray<ReadonlyArray<{ id: string }>>,
  sourceOf: (chunkId: string) => string,
  firstChunkOf: (sourceId: string) => string,
): Array<{ id: string; score: number }> {
  const wanted = new Set(sourceIds);
  const best = new Map<string, { id: string; rank: number }>();
  for (const list of lists) {
    list.forEach(({ id }, rank) => {
      const source = sourceOf(id);
      if (!wanted.has(source)) return;
      const seen = best.get(source);
      if (!seen || rank < seen.rank) best.set(source, { id, rank });
    });
  }
  return sourceIds.map((s, i) => ({
    id: best.get(s)?.id ?? firstChunkOf(s),
    score: 1 / (i + 1),
  }));
}
