/**
 * Reads of the sources table, for the pages as much as the engine: counts, sites, lookups. Kept
 * apart from the writes (./sources.ts, ./glimpses.ts), which redact what they store, so that a
 * page that only counts or lists memories does not load the redactor and its rule set.
 */
import type { EngramDb, SourceRow } from '../db';

export const getSource = (db: EngramDb, id: string): Promise<SourceRow | undefined> =>
  db.sources.get(id);

/** The sources with these ids, position by position (undefined: not in memory). */
export const sourcesById = (
  db: EngramDb,
  ids: readonly string[],
): Promise<Array<SourceRow | undefined>> => db.sources.bulkGet([...ids]);

export const countSources = (db: EngramDb): Promise<number> => db.sources.count();

/**
 * How many memories the user has: one per capture. The shortcut keeps a page and a glimpse of
 * it (a `glimpse` source linked to the page, store/glimpses.ts); the two are one memory, so a
 * glimpse counts only when no page of it is left (its page was forgotten). A glimpse link always
 * joins two sources that exist (forgetting either deletes it), so this is every source less the
 * glimpses that have a link to a page: a native count and the keys of the glimpse links, never
 * a source row.
 */
export async function countMemories(db: EngramDb): Promise<number> {
  return db.transaction('r', db.sources, db.links, async () => {
    const [all, glimpseLinks] = await Promise.all([
      db.sources.count(),
      db.links.where('kind').equals('glimpse').primaryKeys(),
    ]);
    // A glimpse seen on two pages has two links: count it once.
    return all - new Set(glimpseLinks.map(([fromId]) => fromId)).size;
  });
}

/** The distinct sites sources were kept from (an index walk; notes have none). */
export async function keptSites(db: EngramDb): Promise<string[]> {
  return (await db.sources.orderBy('site').uniqueKeys()).filter(
    (site): site is string => typeof site === 'string' && site !== '',
  );
}

/** The ids of the sources kept from these sites (as `keptSites` names them). */
export const sourceIdsOnSites = (db: EngramDb, sites: readonly string[]): Promise<string[]> =>
  db.sources
    .where('site')
    .anyOf([...sites])
    .primaryKeys();

/** Calls `visit` with each source kept from these sites. */
export async function forEachSourceOnSites(
  db: EngramDb,
  sites: readonly string[],
  visit: (source: SourceRow) => void,
): Promise<void> {
  await db.sources
    .where('site')
    .anyOf([...sites])
    .each(visit);
}

/** Calls `visit` with each source seen (saved, or seen again) at or after `since`. */
export async function forEachSourceSeenSince(
  db: EngramDb,
  since: number,
  visit: (source: SourceRow) => void,
): Promise<void> {
  await db.sources.where('lastSeenAt').aboveOrEqual(since).each(visit);
}

/** The glimpses still held, newest first. */
export async function heldGlimpses(db: EngramDb): Promise<SourceRow[]> {
  const pending = await db.sources.where('status').equals('pending').toArray();
  return pending
    .filter((source) => source.kind === 'glimpse' && source.heldUntil !== undefined)
    .sort((a, b) => b.savedAt - a.savedAt);
}
