/**
 * `memory/forget`: delete sources (by id, or all from a site) from IndexedDB, then bring the
 * in-memory indexes in line through the index log, so search never cites a forgotten page.
 */
import { db } from '../../shared/db';
import type { ForgetRequest } from '../../shared/protocol';
import { deleteSources, sourceIdsOfSite } from '../../shared/store/delete-sources';
import type { MemoryIndex } from './memory-index';

export async function forget(
  index: MemoryIndex,
  request: ForgetRequest,
  store = db(),
): Promise<{ deleted: number }> {
  const ids = 'site' in request ? await sourceIdsOfSite(store, request.site) : request.sourceIds;
  const deleted = await deleteSources(store, ids);
  await index.sync(store);
  return { deleted: deleted.length };
}
