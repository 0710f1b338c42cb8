/**
 * Sources written straight into the extension's IndexedDB (for the library's tests, screenshots
 * and benchmark): many rows in a few transactions, as stored sources look, in any state. Indexed
 * rows written this way have no chunks: the library lists them, search does not find them.
 */
import type { Worker } from 'playwright-core';

export interface SeedSource {
  id: string;
  kind?: 'page' | 'selection' | 'link' | 'image' | 'glimpse' | 'note';
  url: string;
  title: string;
  text: string;
  savedAt: number;
  lastSeenAt?: number;
  seenCount?: number;
  status?: 'pending' | 'indexed' | 'failed';
  error?: string;
  heldUntil?: number;
  extractor?: string;
  read?: Array<{ start: number; end: number }>;
  /** Queue an ingest job (pending sources), or a set-aside one (failed sources). */
  job?: boolean;
}

/** Writes the sources (and their jobs) in transactions of `batch` rows. */
export async function seedSources(sw: Worker, sources: readonly SeedSource[], batch = 5_000) {
  for (let i = 0; i < sources.length; i += batch) {
    await sw.evaluate(
      async (rows) => {
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('engram');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        });
        const tx = database.transaction(['sources', 'jobs'], 'readwrite');
        for (const s of rows) {
          const status = s.status ?? 'indexed';
          tx.objectStore('sources').put({
            id: s.id,
            kind: s.kind ?? 'page',
            url: s.url,
            canonicalUrl: s.url,
            title: s.title,
            site: s.url ? new URL(s.url).hostname.replace(/^www\./, '') : '',
            text: s.text,
            extractor: s.extractor ?? 'readability',
            origin: 'shortcut',
            status,
            ...(s.error ? { error: s.error } : {}),
            ...(s.heldUntil ? { heldUntil: s.heldUntil } : {}),
            ...(s.read ? { read: s.read } : {}),
            savedAt: s.savedAt,
            lastSeenAt: s.lastSeenAt ?? s.savedAt,
            seenCount: s.seenCount ?? 1,
            outLinks: [],
          });
          if (s.job) {
            tx.objectStore('jobs').put({
              id: `ingest:${s.id}`,
              kind: 'ingest',
              sourceId: s.id,
              status: status === 'failed' ? 'failed' : 'queued',
              attempts: status === 'failed' ? 3 : 0,
              ...(s.error ? { error: s.error } : {}),
              createdAt: s.savedAt,
            });
          }
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
        database.close();
      },
      sources.slice(i, i + batch),
    );
  }
}

const WORDS =
  'river harbour lantern orchard meadow quarry signal ember violet copper tide glacier canyon prairie cedar falcon'.split(
    ' ',
  );
const SITES = ['news.example.com', 'blog.example.org', 'docs.example.net', 'wiki.example.io'];

/** `count` plain sources, one every `gapMs` back from `newest`, on a few sites. */
export function manySources(count: number, newest: number, gapMs = 60_000): SeedSource[] {
  return Array.from({ length: count }, (_, i) => {
    const a = WORDS[i % WORDS.length] ?? '';
    const b = WORDS[(i * 7 + 3) % WORDS.length] ?? '';
    const site = SITES[i % SITES.length] ?? '';
    return {
      id: `src_seed${String(i).padStart(7, '0')}`,
      url: `https://${site}/article/${i}`,
      title: `Notes on the ${a} and the ${b}, number ${i}`,
      text: `An article about the ${a} and the ${b}. `.repeat(12),
      savedAt: newest - i * gapMs,
      seenCount: 1 + (i % 5 === 0 ? 3 : 0),
    };
  });
}

/**
 * `count` plain sources made inside the service worker (no rows cross the wire: for 100,000 that
 * is minutes saved), the same as `manySources` gives, written `batch` to a transaction.
 */
export async function seedMany(sw: Worker, count: number, newest: number, gapMs = 60_000) {
  await sw.evaluate(
    async ({ count, newest, gapMs, words, sites }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('engram');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      for (let start = 0; start < count; start += 5_000) {
        const tx = database.transaction(['sources'], 'readwrite');
        const store = tx.objectStore('sources');
        for (let i = start; i < Math.min(count, start + 5_000); i++) {
          const a = words[i % words.length] ?? '';
          const b = words[(i * 7 + 3) % words.length] ?? '';
          const site = sites[i % sites.length] ?? '';
          const url = `https://${site}/article/${i}`;
          store.put({
            id: `src_seed${String(i).padStart(7, '0')}`,
            kind: 'page',
            url,
            canonicalUrl: url,
            title: `Notes on the ${a} and the ${b}, number ${i}`,
            site,
            text: `An article about the ${a} and the ${b}. `.repeat(12),
            extractor: 'readability',
            origin: 'shortcut',
            status: 'indexed',
            savedAt: newest - i * gapMs,
            lastSeenAt: newest - i * gapMs,
            seenCount: 1 + (i % 5 === 0 ? 3 : 0),
            outLinks: [],
          });
        }
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
      }
      database.close();
    },
    { count, newest, gapMs, words: WORDS, sites: SITES },
  );
}
