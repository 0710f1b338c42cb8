/**
 * The graph tables: `entities` (sites, people, organisations, places, events, ideas), `mentions`
 * (source → entity), `entityEdges` (co-occurrence) and `links` (hyperlink, version, glimpse, note,
 * similar and sitting edges between sources). Their rows are written and deleted with
 * their sources (index-commit.ts, delete-sources.ts, glimpses.ts); the ids and key ranges are here.
 */
import type { EntityKind as GraphEntityKind } from '../../core/graph/entity';
import type { EngramDb } from '../db';

/** The id of the entity that stands for a site (a source's `site`). */
export const siteEntityId = (site: string): string => `site:${site}`;

/**
 * The id of a person, organisation, place, event or idea first seen with this kind and key
 * (core/graph/entity-key.ts). Later sightings find it by key whatever their kind, so the id keeps
 * the kind it was first seen with: an id names an entity, it is not parsed.
 */
export const graphEntityId = (kind: GraphEntityKind, key: string): string => `e:${kind}:${key}`;

/**
 * Bounds of every compound key that starts with `first`: an array key sorts after its prefix and
 * before the same prefix followed by an array (IndexedDB orders arrays above strings).
 */
export const startingWith = (first: string): [string[], [string, never[]]] => [
  [first],
  [first, []],
];

/** The links from a source, of every kind (its compound primary keys start with its id). */
export const linksFrom = (db: EngramDb, fromId: string) =>
  db.links.where('[fromId+toId+kind]').between(...startingWith(fromId));

/** The mentions a source makes (its compound primary keys start with its id). */
export const mentionsBy = (db: EngramDb, sourceId: string) =>
  db.mentions.where('[sourceId+entityId]').between(...startingWith(sourceId));

/** Kinds whose names the matcher looks for in new text: ideas are phrases, sites are addresses. */
const NAMED_KINDS = ['person', 'organisation', 'place', 'event'] as const;

/** Every name (and alias) of the named entities: what the engine's matcher starts from. */
export async function namedEntities(db: EngramDb): Promise<Array<{ id: string; name: string }>> {
  const out: Array<{ id: string; name: string }> = [];
  await db.entities
    .where('kind')
    .anyOf([...NAMED_KINDS])
    .each((row) => {
      out.push({ id: row.id, name: row.name });
      for (const alias of row.aliases ?? []) out.push({ id: row.id, name: alias });
    });
  return out;
}
