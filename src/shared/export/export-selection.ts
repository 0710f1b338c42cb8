/**
 * The sources a partial export holds ("export these" in the library, a site, a kind, a time
 * range): their ids, sorted, found by key where the filter allows and otherwise by reading the
 * sources a page at a time.
 */
import type { EngramDb, SourceRow } from '../db';
import type { ExportFilter } from './records';

const PAGE = 500;

export async function sourcesMatching(db: EngramDb, filter: ExportFilter): Promise<string[]> {
  let candidates: string[];
  if (filter.ids) {
    const unique = [...new Set(filter.ids)];
    const present = await db.sources.where(':id').anyOf(unique).primaryKeys();
    candidates = present;
  } else if (filter.sites) {
    candidates = await db.sources.where('site').anyOf(filter.sites).primaryKeys();
  } else {
    candidates = await db.sources.toCollection().primaryKeys();
  }
  candidates = [...new Set(candidates)].sort();
  if (filter.ids && filter.sites) {
    const sites = new Set(filter.sites);
    candidates = await keepWhere(db, candidates, (row) => sites.has(row.site));
  }
  const kinds = filter.kinds ? new Set<string>(filter.kinds) : undefined;
  const { since, until } = filter;
  if (kinds || since !== undefined || until !== undefined) {
    candidates = await keepWhere(
      db,
      candidates,
      (row) =>
        (!kinds || kinds.has(row.kind)) &&
        (since === undefined || row.savedAt >= since) &&
        (until === undefined || row.savedAt < until),
    );
  }
  return candidates;
}

async function keepWhere(
  db: EngramDb,
  ids: readonly string[],
  test: (row: SourceRow) => boolean,
): Promise<string[]> {
  const kept: string[] = [];
  for (let at = 0; at < ids.length; at += PAGE) {
    const rows = await db.sources.bulkGet(ids.slice(at, at + PAGE));
    for (const row of rows) if (row && test(row)) kept.push(row.id);
  }
  return kept;
}
