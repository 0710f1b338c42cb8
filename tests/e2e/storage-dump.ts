/**
 * Everything the extension keeps on its origin, read from one of its pages (issue 12: forgetting
 * for real): every object store of every IndexedDB database (keys and values), every Cache
 * Storage entry (address, headers, body), localStorage, and chrome.storage local and session.
 * Binary data (typed arrays, ArrayBuffers, Blobs, response bodies) comes back as base64 and is
 * turned back into bytes here, so `markerPaths` searches it byte by byte.
 */
import type { Page } from 'playwright-core';
import { markerPaths } from '../fixtures/marker-scan';

export interface StorageDump {
  indexedDb: Record<string, Record<string, { keys: unknown; values: unknown }>>;
  caches: Record<string, Array<{ url: string; headers: unknown; body: unknown }>>;
  localStorage: Record<string, string>;
  chromeStorage: { local: unknown; session: unknown };
}

/** Read every store of the origin in `page` (an extension page). */
export async function dumpStorage(page: Page): Promise<StorageDump> {
  const raw = await page.evaluate(async () => {
    const base64 = (bytes: Uint8Array): { $bytes: string } => {
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return { $bytes: btoa(s) };
    };
    const plain = async (v: unknown): Promise<unknown> => {
      if (v instanceof ArrayBuffer) return base64(new Uint8Array(v));
      if (ArrayBuffer.isView(v)) {
        return base64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      }
      if (v instanceof Blob) return base64(new Uint8Array(await v.arrayBuffer()));
      if (v instanceof Date) return v.toISOString();
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      if (v instanceof Map) {
        return {
          $map: await Promise.all([...v].map(async ([k, x]) => [await plain(k), await plain(x)])),
        };
      }
      if (v instanceof Set) return { $set: await Promise.all([...v].map(plain)) };
      if (v !== null && typeof v === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) out[k] = await plain(x);
        return out;
      }
      return v;
    };
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((done, fail) => {
        r.onsuccess = () => done(r.result);
        r.onerror = () => fail(r.error ?? new Error('IndexedDB request failed'));
      });
    const indexedDb: Record<string, Record<string, { keys: unknown; values: unknown }>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await request(indexedDB.open(name));
      const stores: Record<string, { keys: unknown; values: unknown }> = {};
      for (const store of [...database.objectStoreNames]) {
        const objects = database.transaction(store).objectStore(store);
        const [keys, values] = await Promise.all([
          request(objects.getAllKeys()),
          request(objects.getAll()),
        ]);
        stores[store] = { keys: await plain(keys), values: await plain(values) };
      }
      database.close();
      indexedDb[name] = stores;
    }
    const cacheDump: Record<string, Array<{ url: string; headers: unknown; body: unknown }>> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const entries = [];
      for (const req of await cache.keys()) {
        const response = await cache.match(req);
        entries.push({
          url: req.url,
          headers: [...(response?.headers ?? [])],
          body: base64(new Uint8Array((await response?.arrayBuffer()) ?? new ArrayBuffer(0))),
        });
      }
      cacheDump[name] = entries;
    }
    const local: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      local[key] = localStorage.getItem(key) ?? '';
    }
    return {
      indexedDb,
      caches: cacheDump,
      localStorage: local,
      chromeStorage: {
        local: await plain(await chrome.storage.local.get(null)),
        session: await plain(await chrome.storage.session.get(null)),
      },
    };
  });
  return bytesBack(raw) as StorageDump;
}

/** `{ $bytes: base64 }` back into bytes, everywhere in the dump. */
function bytesBack(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(bytesBack);
  if (v === null || typeof v !== 'object') return v;
  const bytes = (v as { $bytes?: unknown }).$bytes;
  if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bytesBack(x)]));
}

/** Where the marker is in the dump: paths such as `$.indexedDb.engram.chunks.values.0.text`. */
export const markerIn = (dump: StorageDump, marker: string): string[] => markerPaths(dump, marker);
