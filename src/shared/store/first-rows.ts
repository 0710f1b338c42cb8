/**
 * The library's first screen, read before anything else on the page (issue 12: first items on
 * screen ≤ 300 ms at 100,000 sources). Raw IndexedDB, so the read starts from the page's entry
 * module while the page's own modules (Dexie, zod, the views: most of its script) are still
 * loading, and so it waits on no other query: Dexie would queue it behind its own open, and the
 * page's heavier reads (the key list, the sites) walk 100,000 index entries in the same backend.
 *
 * It never creates the database (a first open with nothing kept is aborted) and gives way to an
 * upgrade (Dexie opening a newer schema closes this connection). Any failure reads as "nothing
 * yet": the page's own reads follow and say what went wrong.
 */
import type { SourceRow } from '../db';
import { DB_NAME } from '../db-name';
import { summaryOf, type SourceSummary } from './source-summary';

export interface EarlyRows {
  /** Settles with the newest rows (text left out), or [] when they could not be read early. */
  promise: Promise<SourceSummary[]>;
  /** The rows once read: a view rendered after the read draws them in its first frame. */
  value: SourceSummary[] | undefined;
}

/** Starts reading the `limit` newest sources from the `savedAt` index, newest first. */
export function readFirstRows(limit: number, name = DB_NAME): EarlyRows {
  const early: EarlyRows = { promise: Promise.resolve([]), value: undefined };
  early.promise = newest(name, limit).then(
    (rows) => (early.value = rows.map(summaryOf)),
    (error: unknown) => {
      console.warn('Engram: the first rows could not be read early', error);
      return [];
    },
  );
  return early;
}

/**
 * An index that reads its newest records in one request (`getAllRecords` with a direction:
 * Chromium 141 and later); a cursor costs a round trip to the storage backend per row.
 */
interface RecordsIndex {
  getAllRecords(options: {
    count?: number;
    direction?: IDBCursorDirection;
  }): IDBRequest<Array<{ value: unknown }>>;
}

const readsRecords = (index: IDBIndex): index is IDBIndex & RecordsIndex =>
  typeof (index as Partial<RecordsIndex>).getAllRecords === 'function';

function newest(name: string, limit: number): Promise<SourceRow[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    // No database yet: do not create an empty one under Dexie's feet (it creates the schema).
    let absent = false;
    open.onupgradeneeded = () => {
      absent = true;
      open.transaction?.abort();
    };
    open.onerror = (event) => {
      // The aborted creation is the one failure expected here: nothing is kept yet.
      event.preventDefault();
      if (absent) resolve([]);
      else reject(open.error ?? new Error('IndexedDB open failed'));
    };
    open.onsuccess = () => {
      const database = open.result;
      database.onversionchange = () => database.close();
      let transaction: IDBTransaction;
      try {
        transaction = database.transaction('sources', 'readonly');
      } catch (error) {
        database.close();
        return reject(error instanceof Error ? error : new Error(String(error)));
      }
      const index = transaction.objectStore('sources').index('savedAt');
      const rows: SourceRow[] = [];
      if (readsRecords(index)) {
        const request = index.getAllRecords({ count: limit, direction: 'prev' });
        request.onsuccess = () => rows.push(...request.result.map((r) => r.value as SourceRow));
      } else {
        // One cursor, newest first; the browser prefetches the next values as it goes.
        const cursor = index.openCursor(null, 'prev');
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          rows.push(at.value as SourceRow);
          if (rows.length < limit) at.continue();
        };
      }
      transaction.oncomplete = () => {
        database.close();
        resolve(rows);
      };
      transaction.onabort = () => {
        database.close();
        reject(transaction.error ?? new Error('IndexedDB read aborted'));
      };
    };
  });
}
