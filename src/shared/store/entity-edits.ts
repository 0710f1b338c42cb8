/**
 * The user's edits to the knowledge graph (issue 14): rename an entity, merge one into another
 * (two entries for one real thing), delete one (a wrong entity; its sources stay). Each is one
 * transaction that keeps counts, edges and aliases consistent, so the picture, the entity pages
 * and the next commit see either the whole edit or none of it.
 */
import { entityKey } from '../../core/graph/entity-key';
import { strongerRole } from '../../core/graph/source-graph';
import type { EngramDb, EntityEdgeRow, EntityRow, MentionRow } from '../db';
import { deleteEntities } from './graph-write';

/** Display forms and keys added without repeats, the entity's own left out. */
const union = (into: readonly string[] | undefined, add: readonly string[], own: string) => {
  const out = [...(into ?? [])];
  for (const x of add) if (x && x !== own && !out.includes(x)) out.push(x);
  return out;
};

/** The entity with its aliases and alias keys, set only when there are some. */
function withAliases(row: EntityRow, aliases: string[], aliasKeys: string[]): EntityRow {
  const rest: EntityRow = { ...row };
  delete rest.aliases;
  delete rest.aliasKeys;
  return {
    ...rest,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(aliasKeys.length > 0 ? { aliasKeys } : {}),
  };
}

/**
 * Renames an entity; the old name stays an alias (pages still write it), and pages that write the
 * new name find this entity. False when there is no such entity, or it is a site (named by its
 * address). Throws when the name has no letter or digit.
 */
export async function renameEntity(db: EngramDb, entityId: string, name: string): Promise<boolean> {
  const clean = name.replace(/\s+/g, ' ').trim();
  const key = entityKey(clean);
  if (!key) throw new Error('An entity needs a name with a letter or a digit.');
  return db.transaction('rw', db.entities, async () => {
    const row = await db.entities.get(entityId);
    if (!row || row.kind === 'site') return false;
    const aliases = union(row.aliases, [row.name], clean);
    const aliasKeys = union(row.aliasKeys, [key], row.key);
    await db.entities.put(withAliases({ ...row, name: clean }, aliases, aliasKeys));
    return true;
  });
}

/** `from`'s co-occurrence edges moved onto `into` (an edge between the two goes). */
async function moveEdges(db: EngramDb, intoId: string, fromId: string): Promise<void> {
  const edges = [
    ...(await db.entityEdges.where('a').equals(fromId).toArray()),
    ...(await db.entityEdges.where('b').equals(fromId).toArray()),
  ];
  const moved = new Map<string, EntityEdgeRow>();
  for (const edge of edges) {
    const other = edge.a === fromId ? edge.b : edge.a;
    if (other === intoId || other === fromId) continue;
    const [a, b] = intoId < other ? [intoId, other] : [other, intoId];
    const seen = moved.get(`${a}\u0000${b}`) ?? (await db.entityEdges.get([a, b]));
    moved.set(`${a}\u0000${b}`, { a, b, weight: (seen?.weight ?? 0) + edge.weight });
  }
  await db.entityEdges.bulkPut([...moved.values()]);
}

/**
 * Merges entity `fromId` into `intoId`: its mentions (a source naming both keeps one mention, the
 * stronger role), edges, names and keys (so later pages find `into`), and counts. False when either
 * is missing, they are the same, or one is a site and the other not.
 */
export async function mergeEntities(
  db: EngramDb,
  intoId: string,
  fromId: string,
): Promise<boolean> {
  if (intoId === fromId) return false;
  return db.transaction('rw', db.entities, db.mentions, db.entityEdges, async () => {
    const [into, from] = await db.entities.bulkGet([intoId, fromId]);
    if (!into || !from || (into.kind === 'site') !== (from.kind === 'site')) return false;
    const mentions = await db.mentions.where('entityId').equals(fromId).toArray();
    const already = await db.mentions.bulkGet(
      mentions.map((m) => [m.sourceId, intoId] as [string, string]),
    );
    let shared = 0;
    const moved: MentionRow[] = mentions.map((m, i) => {
      const both = already[i];
      if (!both) return { ...m, entityId: intoId };
      shared++;
      const role = strongerRole(both.role, m.role);
      return {
        ...both,
        ...(role ? { role } : {}),
        ...(m.weight !== undefined || both.weight !== undefined
          ? { weight: Math.max(m.weight ?? 1, both.weight ?? 1) }
          : {}),
        ...(both.paired || m.paired ? { paired: true as const } : {}),
      };
    });
    await db.mentions.bulkDelete(mentions.map((m) => [m.sourceId, fromId] as [string, string]));
    await db.mentions.bulkPut(moved);
    await moveEdges(db, intoId, fromId);
    const aliases = union(into.aliases, [from.name, ...(from.aliases ?? [])], into.name);
    const aliasKeys = union(into.aliasKeys, [from.key, ...(from.aliasKeys ?? [])], into.key);
    await db.entities.put(
      withAliases(
        {
          ...into,
          firstSeenAt: Math.min(into.firstSeenAt, from.firstSeenAt),
          lastSeenAt: Math.max(into.lastSeenAt, from.lastSeenAt),
          sourceCount: into.sourceCount + from.sourceCount - shared,
        },
        aliases,
        aliasKeys,
      ),
    );
    await deleteEntities(db, [fromId]);
    return true;
  });
}

/**
 * Deletes an entity with its mentions and edges; the sources that mentioned it stay. False when
 * there is none. A later page that names it makes it again (the user deleted a wrong entry, not a
 * word from the language).
 */
export async function deleteEntity(db: EngramDb, entityId: string): Promise<boolean> {
  return db.transaction('rw', db.entities, db.mentions, db.entityEdges, async () => {
    if (!(await db.entities.get(entityId))) return false;
    await db.mentions.where('entityId').equals(entityId).delete();
    await deleteEntities(db, [entityId]);
    return true;
  });
}
