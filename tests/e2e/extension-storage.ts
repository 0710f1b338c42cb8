/**
 * Search everything Engram keeps on the device for given strings: every object store of every
 * IndexedDB database of the extension's origin (keys and values, binary ones decoded as text, so
 * an index snapshot's terms are searched too), chrome.storage (local and session) and the
 * origin's localStorage. Run in an extension page, which shares the origin with the service
 * worker and the engine.
 */
import type { Page } from 'playwright-core';

export interface Found {
  needle: string;
  /** `database/store`, `storage.local`, …: where it was found. */
  where: string;
}

/** Where each needle occurs (case-insensitive); empty when none is kept anywhere. */
export function searchExtensionStorage(page: Page, needles: readonly string[]): Promise<Found[]> {
  return page.evaluate(async (needles) => {
    const lowered = needles.map((n) => n.toLowerCase());
    const found: Array<{ needle: string; where: string }> = [];
    const check = (where: string, text: string) => {
      const lower = text.toLowerCase();
      lowered.forEach((needle, i) => {
        if (
          lower.includes(needle) &&
          !found.some((f) => f.where === where && f.needle === needles[i])
        )
          found.push({ needle: needles[i] ?? needle, where });
      });
    };
    const utf8 = new TextDecoder('utf-8');
    const utf16 = new TextDecoder('utf-16le');
    const visit = async (where: string, value: unknown, depth = 0): Promise<void> => {
      if (depth > 64 || value === null || value === undefined) return;
      if (typeof value === 'string') return check(where, value);
      if (typeof value !== 'object') return;
      if (value instanceof Blob) return check(where, await value.text());
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = ArrayBuffer.isView(value)
          ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
          : new Uint8Array(value);
        check(where, utf8.decode(bytes));
        check(where, utf16.decode(bytes.subarray(0, bytes.length - (bytes.length % 2))));
        return;
      }
      if (value instanceof Map) {
        for (const [k, v] of value) {
          await visit(where, k, depth + 1);
          await visit(where, v, depth + 1);
        }
        return;
      }
      const items = value instanceof Set || Array.isArray(value) ? [...value] : null;
      if (items) {
        for (const item of items) await visit(where, item, depth + 1);
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        check(where, k);
        await visit(where, v, depth + 1);
      }
    };
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(req.error ?? new Error('IndexedDB request failed'));
      });
    const databases = await indexedDB.databases();
    if (databases.length === 0) throw new Error('No IndexedDB database to search');
    for (const { name } of databases) {
      if (!name) continue;
      const open = indexedDB.open(name);
      // Opening must not create or upgrade anything.
      open.onupgradeneeded = () => open.transaction?.abort();
      const database = await request(open);
      try {
        for (const store of [...database.objectStoreNames]) {
          const tx = database.transaction(store);
          const [keys, values] = await Promise.all([
            request(tx.objectStore(store).getAllKeys()),
            request(tx.objectStore(store).getAll()),
          ]);
          await visit(`${name}/${store}`, keys);
          await visit(`${name}/${store}`, values);
        }
      } finally {
        database.close();
      }
    }
    await visit('storage.local', await chrome.storage.local.get(null));
    await visit('storage.session', await chrome.storage.session.get(null));
    await visit('localStorage', { ...localStorage });
    return found;
  }, needles);
}
