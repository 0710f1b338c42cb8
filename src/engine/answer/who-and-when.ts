/**
 * Who and when, from the graph (issue 14, "answers can say who and when"): the line an extractive
 * answer begins with when the question names someone the cited sources mention ("You read 2
 * articles by Mira Okonkwo, in March 2026.", core/answer/entity-lead.ts), the entities each
 * citation links to (the question's and the source's authors), and the authors the model's prompt
 * names. A handful of cited sources: one read of each one's mentions, by its primary key.
 */
import { entityLead } from '../../core/answer/entity-lead';
import type { CitedEntity, EngramDb } from '../../shared/db';
import { languageOfText, tIn } from '../../shared/i18n-in';
import { mentionsBy } from '../../shared/store/graph';
import type { MatchedEntity } from './entity-sources';
import type { RetrievedSource } from './retrieve';

/** Entity links under one citation: enough to go on, not a tag cloud. */
export const ENTITIES_PER_CITATION = 3;

export interface CitedPeople {
  /** Each cited source's entities to link, the question's first. */
  bySource: Map<string, CitedEntity[]>;
  /** Each cited source's authors' names, for the prompt. */
  authors: Map<string, string[]>;
}

/** The entities under each citation and the authors of each cited source. */
export async function citedPeople(
  db: EngramDb,
  retrieved: readonly RetrievedSource[],
  matched: readonly MatchedEntity[],
): Promise<CitedPeople> {
  const ids = retrieved.map(({ source }) => source.id);
  const authorRows = await Promise.all(
    ids.map(async (id) =>
      (await mentionsBy(db, id).toArray())
        .filter((m) => m.role === 'author')
        .map((m) => m.entityId),
    ),
  );
  const entities = await db.entities.bulkGet([...new Set(authorRows.flat())]);
  const nameOf = new Map(entities.flatMap((e) => (e ? [[e.id, e.name] as const] : [])));
  const bySource = new Map<string, CitedEntity[]>();
  const authors = new Map<string, string[]>();
  ids.forEach((sourceId, i) => {
    const own = (authorRows[i] ?? []).flatMap((id) => {
      const name = nameOf.get(id);
      return name ? [{ id, name }] : [];
    });
    const asked = matched
      .filter((e) => e.mentions.some((m) => m.sourceId === sourceId))
      .map(({ id, name }) => ({ id, name }));
    const linked = [...asked, ...own.filter((a) => !asked.some((e) => e.id === a.id))];
    if (linked.length > 0) bySource.set(sourceId, linked.slice(0, ENTITIES_PER_CITATION));
    if (own.length > 0)
      authors.set(
        sourceId,
        own.map((a) => a.name),
      );
  });
  return { bySource, authors };
}

/**
 * The lead line for the question's entity that the most cited sources mention (the first named
 * on a tie), in the question's language; empty when the question names none of theirs.
 */
export function whoAndWhen(
  question: string,
  retrieved: readonly RetrievedSource[],
  matched: readonly MatchedEntity[],
  timeZone?: string,
): string {
  const language = languageOfText(question);
  let best: { name: string; mentions: Array<{ savedAt: number; role?: string }> } | undefined;
  for (const entity of matched) {
    const roles = new Map(entity.mentions.map((m) => [m.sourceId, m.role]));
    const mentions = retrieved.flatMap(({ source }) =>
      roles.has(source.id) ? [{ savedAt: source.savedAt, role: roles.get(source.id) }] : [],
    );
    if (mentions.length > (best?.mentions.length ?? 0)) best = { name: entity.name, mentions };
  }
  if (!best) return '';
  return entityLead(
    best.name,
    best.mentions,
    (key, ...s) => tIn(language, key, ...s),
    language,
    timeZone,
  );
}

/** The answer with its lead line first, as its own paragraph. */
export const withLead = (lead: string, answer: string): string =>
  lead ? `${lead}\n\n${answer}` : answer;
