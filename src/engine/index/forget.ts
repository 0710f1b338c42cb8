/**
 * `memory/forget`: delete sources (by id, everything from a site, or everything saved in a time
 * range) from IndexedDB with all that was derived from them (shared/store/delete-sources.ts), then
 * bring the in-memory indexes in line through the index log and write their persisted parts at
 * once, so neither search nor a saved snapshot keeps a forgotten page (issue 12).
 */
import { db } from '../../shared/db';
import type { ForgetRequest } from '../../shared/protocol';
import {
  deleteSources,
  sourceIdsOfSite,
  sourceIdsSavedBetween,
} from '../../shared/store/delete-sources';
import type { MemoryIndex } from './memory-index';

function idsToForget(request: ForgetRequest, store: ReturnType<typeof db>): Promise<string[]> {
  if ('site' in request) return sourceIdsOfSite(store, request.site);
  if ('savedFrom' in request) {
    return sourceIdsSavedBetween(store, request.savedFrom, request.savedTo ?? Infinity);
  }
  return Promise.resolve(request.sourceIds);
}

export async function forget(
  index: MemoryIndex,
  request: ForgetRequest,
  store = db(),
): Promise<{ deleted: number }> {
  const deleted = await deleteSources(store, await idsToForget(request, store));
  await index.forgetNow(store);
  return { deleted: deleted.length };
}
