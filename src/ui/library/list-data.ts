/**
 * What the list reads and asks for once its first screen is drawn: Dexie, the store's queries and
 * the messaging (the zod protocol). They are most of the page's script, and the first screen needs
 * none of them (store/first-rows.ts reads its rows raw), so this module is loaded after the first
 * paint (`listData()` in later.ts; issue 12: first items on screen ≤ 300 ms).
 */
import Dexie, { liveQuery } from 'dexie';
import { db } from '../../shared/db';
import { keptSites } from '../../shared/store/source-reads';

export { db } from '../../shared/db';
export { send } from '../../shared/messaging';
export {
  anyKept,
  idsInState,
  idsOfKinds,
  idsOfLibraryKind,
  idsOfSite,
  idsSavedBetween,
  libraryKeys,
  summariesOf,
} from '../../shared/store/library-reads';
export { forgetIds } from './forget-ids';

/**
 * Calls `changed` at every write to the sources, here or in another context (a capture, a status,
 * a title, a delete): Dexie's own change signal, which costs no query (a live count of the table
 * walked 100,000 rows at every change). Returns the unsubscribe.
 */
export function onSourcesChanged(changed: () => void): () => void {
  const table = `idb://${db().name}/sources/`;
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part === 'all' || part.startsWith(table))) changed();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** The sites kept, live (the site filter's choices). Returns the unsubscribe. */
export function watchSites(next: (sites: string[]) => void): () => void {
  const subscription = liveQuery(() => keptSites(db())).subscribe({
    next,
    // The filter keeps the sites it had; the list's own reads report a broken database.
    error: (error: unknown) => console.warn('Engram: the kept sites could not be read', error),
  });
  return () => subscription.unsubscribe();
}
