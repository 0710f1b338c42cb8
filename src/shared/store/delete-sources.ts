/**
 * Forgetting: a source and everything derived from it go in one transaction (its chunks and
 * vectors, site mention, hyperlink edges in both directions, queued jobs), and an index-log entry
 * tells the engine's persisted and in-memory indexes to drop it too. A site entity no source
 * mentions any more goes with its last source. Nothing is left half-deleted by a crash: the
 * transaction either happens or not.
 */
import type { EngramDb } from '../db';
import { linksFrom, mentionsBy } from './graph';
import { keptSites, sourceIdsOnSites } from './source-reads';

/**
 * Deletes the sources with these ids and all that hangs off them; returns the ids that existed
 * (unknown ids are ignored, so a retried delete is harmless).
 */
export async function deleteSources(db: EngramDb, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return db.transaction(
    'rw',
    [db.sources, db.chunks, db.entities, db.mentions, db.links, db.jobs, db.indexLog],
    async () => {
      const found = await db.sources.where('id').anyOf(wanted).primaryKeys();
      if (found.length === 0) return [];
      const gone = new Set(found);
      await db.sources.bulkDelete(found);
      await db.chunks.where('sourceId').anyOf(found).delete();
      const entityIds = new Set<string>();
      for (const id of found) {
        // Compound primary keys that start with the source id: its mentions, its out-links.
        const own = mentionsBy(db, id);
        for (const m of await own.toArray()) entityIds.add(m.entityId);
        await own.delete();
        await linksFrom(db, id).delete();
      }
      await db.links.where('toId').anyOf(found).delete();
      // The job queue is short (work not yet done): a filter beats an index nobody else needs.
      await db.jobs.filter((job) => gone.has(job.sourceId)).delete();
      for (const entityId of entityIds) {
        if ((await db.mentions.where('entityId').equals(entityId).count()) === 0) {
          await db.entities.delete(entityId);
        }
      }
      await db.indexLog.bulkAdd(found.map((sourceId) => ({ sourceId })));
      return found;
    },
  );
}

/** A site as the user names it: `Example.com`, `www.example.com`, `*.example.com`, a URL. */
export function normaliseSite(site: string): string {
  let s = site.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  s = s
    .replace(/^\*\./, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return s;
}

/**
 * The ids of the sources kept from a site: that host and its subdomains (`example.com` covers
 * `news.example.com`), as site rules name them. Notes (no site) never match.
 */
export async function sourceIdsOfSite(db: EngramDb, site: string): Promise<string[]> {
  const host = normaliseSite(site);
  if (!host) throw new Error('Which site? The name is empty.');
  // The distinct sites first (an index walk), then only the matching sources.
  const sites = (await keptSites(db)).filter((s) => s === host || s.endsWith(`.${host}`));
  return sites.length === 0 ? [] : sourceIdsOnSites(db, sites);
}
