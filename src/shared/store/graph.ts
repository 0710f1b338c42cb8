/**
 * The graph tables: `entities` (a site, for now), `mentions` (source → entity) and `links`
 * (hyperlink, version and glimpse edges between sources). Their rows are written and deleted with
 * their sources (index-commit.ts, delete-sources.ts, glimpses.ts); the ids and key ranges are here.
 */
import type { EngramDb } from '../db';

/** The id of the entity that stands for a site (a source's `site`). */
export const siteEntityId = (site: string): string => `site:${site}`;

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
