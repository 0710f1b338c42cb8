/**
 * One hop in the graph from the sources an answer cited (issue 14, "what else did I read about
 * this"): the other sources that mention the same people, organisations, places, events and ideas,
 * and those linked to them (similar, same sitting, hyperlinks, either way). Sites are left out (a
 * site's every page is not "about this"), and so are entities on too many pages to say which ones
 * belong together. Bounded like the chat's entity list: a few hundred mentions per entity, read by
 * index; no scan.
 */
import { ROLES, type StoredRole } from '../../core/graph/source-graph';
import type { EngramDb, EntityRow, LinkKind, MentionRow } from '../db';
import { linksFrom, mentionsBy } from './graph';

/** Mentions read per shared entity (as the chat's MENTIONS_PER_ENTITY). */
export const HOP_MENTIONS_PER_ENTITY = 200;
/** An entity on more sources than this connects everything, so it connects nothing. */
export const COMMON_ENTITY_SOURCES = 200;
/** Entities followed per cited source, strongest roles first. */
const ENTITIES_PER_SOURCE = 12;

/**
 * What a shared entity is worth, by the weaker of the two mentions' roles: two pages by one
 * author belong together more than two pages that name a place, and much more than two pages
 * whose text happens to hold a known name.
 */
const ROLE_SCORE: Record<StoredRole, number> = {
  author: 4,
  publisher: 1,
  about: 3,
  mention: 2,
  keyword: 1.5,
  phrase: 1,
  matched: 1,
};
/** What a link is worth: a page like it or linked from it outweighs one read minutes apart. */
const LINK_SCORE: Partial<Record<LinkKind, number>> = { similar: 2, hyperlink: 2, sitting: 0.5 };

export interface HopSource {
  id: string;
  score: number;
  /** The display names of the entities it shares with the cited sources, strongest first. */
  names: string[];
}

export interface OneHop {
  /** Best first, without the cited sources (nor their glimpses). */
  sources: HopSource[];
  /** The shared entities that brought any source, by how much they brought. */
  entities: Array<Pick<EntityRow, 'id' | 'name'>>;
}

const roleRank = (role: StoredRole | undefined) =>
  role === undefined ? ROLES.length : ROLES.indexOf(role);
const weaker = (a: StoredRole | undefined, b: StoredRole | undefined) =>
  roleRank(a) >= roleRank(b) ? a : b;

export async function oneHopSources(
  db: EngramDb,
  sourceIds: readonly string[],
  limit = 20,
): Promise<OneHop> {
  const cited = new Set(sourceIds);
  const scores = new Map<string, { score: number; names: Map<string, number> }>();
  const entityScore = new Map<string, { name: string; score: number }>();
  const add = (id: string, score: number, name?: string) => {
    if (cited.has(id)) return;
    const entry = scores.get(id) ?? { score: 0, names: new Map<string, number>() };
    entry.score += score;
    if (name) entry.names.set(name, (entry.names.get(name) ?? 0) + score);
    scores.set(id, entry);
  };

  const own = (await Promise.all(sourceIds.map((id) => mentionsBy(db, id).toArray()))).flat();
  const ownRole = new Map<string, StoredRole | undefined>();
  for (const m of own.sort((a, b) => roleRank(a.role) - roleRank(b.role))) {
    if (m.entityId.startsWith('site:') || ownRole.has(m.entityId)) continue;
    if (ownRole.size >= ENTITIES_PER_SOURCE * sourceIds.length) break;
    ownRole.set(m.entityId, m.role);
  }
  const rows = await db.entities.bulkGet([...ownRole.keys()]);
  const followed = rows.filter(
    (e): e is EntityRow =>
      e !== undefined && e.kind !== 'site' && e.sourceCount <= COMMON_ENTITY_SOURCES,
  );
  const theirs = await Promise.all(
    followed.map((e) =>
      db.mentions.where('entityId').equals(e.id).limit(HOP_MENTIONS_PER_ENTITY).toArray(),
    ),
  );
  followed.forEach((entity, i) => {
    for (const m of theirs[i] ?? ([] as MentionRow[])) {
      if (cited.has(m.sourceId)) continue;
      const score = ROLE_SCORE[weaker(ownRole.get(entity.id), m.role) ?? 'matched'];
      add(m.sourceId, score, entity.name);
      const seen = entityScore.get(entity.id) ?? { name: entity.name, score: 0 };
      seen.score += score;
      entityScore.set(entity.id, seen);
    }
  });

  const [out, into] = await Promise.all([
    Promise.all(sourceIds.map((id) => linksFrom(db, id).toArray())),
    Promise.all(sourceIds.map((id) => db.links.where('toId').equals(id).toArray())),
  ]);
  // A cited page's glimpse is the same memory (retrieve.ts cites a capture once).
  const glimpses = new Set(into.flat().flatMap((l) => (l.kind === 'glimpse' ? [l.fromId] : [])));
  for (const l of out.flat()) add(l.toId, LINK_SCORE[l.kind] ?? 0);
  for (const l of into.flat()) add(l.fromId, LINK_SCORE[l.kind] ?? 0);

  const sources = [...scores.entries()]
    .filter(([id, { score }]) => score > 0 && !glimpses.has(id))
    .sort(([a, x], [b, y]) => y.score - x.score || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([id, { score, names }]) => ({
      id,
      score,
      names: [...names.entries()].sort((x, y) => y[1] - x[1]).map(([n]) => n),
    }));
  const entities = [...entityScore.entries()]
    .sort(([, x], [, y]) => y.score - x.score)
    .map(([id, { name }]) => ({ id, name }));
  return { sources, entities };
}
