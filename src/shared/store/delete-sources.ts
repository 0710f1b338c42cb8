/**
 * Forgetting (issue 12): a source and every copy of its text and vectors go in one transaction:
 * the glimpses taken on it (their text is the page's, held or not), its chunks with both vector
 * slots, its mentions and co-occurrence edges (graph-write.ts: every entity counts one source less,
 * and one left with no source goes, a site's too), links in both directions, queued jobs, the citations and quoted sentences of the answers that cited it (forget-citations.ts),
 * and every persisted search-index part that still holds it (index-snapshots.ts); an index-log
 * entry tells the engine's in-memory indexes to drop it, and the engine then writes new parts at
 * once (engine/index/forget.ts). Nothing is left half-deleted by a crash: the transaction either
 * happens or not, and a start that finds no persisted index rebuilds it from the rows left.
 */
import type { EngramDb, LinkRow } from '../db';
import { forgetCitations } from './forget-citations';
import { linksFrom } from './graph';
import { removeSourceGraph } from './graph-write';
import { dropSnapshotsHolding } from './index-snapshots';
import { keptSites, sourceIdsOnSites } from './source-reads';

/**
 * The links to these sources. One exact lookup per id rather than `anyOf`, whose cursor may walk
 * the whole index (fake-indexeddb's does: forgetting 50 of 10,000 sources took 90 s).
 */
async function linksTo(db: EngramDb, ids: readonly string[]): Promise<LinkRow[]> {
  const each = await Promise.all(ids.map((id) => db.links.where('toId').equals(id).toArray()));
  return each.flat();
}

/** The ids of these that are kept, in their order. */
async function present(db: EngramDb, ids: readonly string[]): Promise<string[]> {
  const rows = await db.sources.bulkGet([...ids]);
  return ids.filter((_, i) => rows[i] !== undefined);
}

/**
 * Deletes the sources with these ids and all that hangs off them; returns the ids that existed,
 * with the glimpses taken on them (unknown ids are ignored, so a retried delete is harmless).
 * Called from any extension context; the engine learns of it from the index log, and
 * `memory/forget` (engine/index/forget.ts) also rewrites the persisted indexes at once.
 */
export async function deleteSources(db: EngramDb, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return db.transaction(
    'rw',
    [
      [db.sources, db.chunks, db.entities, db.mentions, db.entityEdges, db.links, db.jobs],
      [db.indexLog, db.indexSnapshots, db.messages],
    ].flat(),
    async () => {
      const pages = await present(db, wanted);
      // The glimpses taken on these pages (a `glimpse` link from the glimpse to its page).
      const glimpses = (await linksTo(db, pages)).filter((link) => link.kind === 'glimpse');
      const withGlimpses = [...new Set([...pages, ...glimpses.map((link) => link.fromId)])];
      const found = await present(db, withGlimpses);
      if (found.length === 0) return [];
      const gone = new Set(found);
      // Before the rows go: the answers' scrubbing reads the forgotten text.
      await forgetCitations(db, gone);
      await dropSnapshotsHolding(db, gone);
      await db.sources.bulkDelete(found);
      for (const id of found) await db.chunks.where('sourceId').equals(id).delete();
      for (const id of found) {
        // Its mentions (each entity counts one source less; one left with none goes), its
        // co-occurrence edges, then its out-links (keys that start with the source id).
        await removeSourceGraph(db, id);
        await linksFrom(db, id).delete();
      }
      await db.links.bulkDelete((await linksTo(db, found)).map((l) => [l.fromId, l.toId, l.kind]));
      // The job queue is short (work not yet done): a filter beats an index nobody else needs.
      await db.jobs.filter((job) => gone.has(job.sourceId)).delete();
      await db.indexLog.bulkAdd(found.map((sourceId) => ({ sourceId, forgotten: true as const })));
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

/**
 * The ids of the sources saved within [from, to) (epoch ms; `to` may be Infinity): "forget the
 * last hour", "today", "everything". A source is saved once and `lastSeenAt` only grows, so the
 * `lastSeenAt` index narrows the read to sources seen since `from`.
 */
export async function sourceIdsSavedBetween(
  db: EngramDb,
  from: number,
  to: number,
): Promise<string[]> {
  if (!(from < to)) return [];
  return db.sources
    .where('lastSeenAt')
    .aboveOrEqual(from)
    .filter((source) => source.savedAt >= from && source.savedAt < to)
    .primaryKeys();
}

/** Forgets everything kept from a site and its subdomains; returns the ids deleted. */
export async function forgetSite(db: EngramDb, site: string): Promise<string[]> {
  return deleteSources(db, await sourceIdsOfSite(db, site));
}

/** Forgets every source saved within [from, to); returns the ids deleted. */
export async function forgetSavedBetween(
  db: EngramDb,
  from: number,
  to: number,
): Promise<string[]> {
  return deleteSources(db, await sourceIdsSavedBetween(db, from, to));
}
