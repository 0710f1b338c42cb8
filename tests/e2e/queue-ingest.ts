/**
 * Pages written straight into the extension's IndexedDB as captured and queued for indexing (a
 * source row and its ingest job), as a capture leaves them: quicker than capturing many pages.
 */
import type { Worker } from 'playwright-core';

export interface QueuedPage {
  id: string;
  url: string;
  title: string;
  text: string;
  /** When it was saved. */
  savedAt: number;
  /** When its job was queued: within the last minute it is a fresh capture, else bulk work. */
  queuedAt: number;
}

export async function queueIngest(sw: Worker, pages: readonly QueuedPage[]): Promise<void> {
  await sw.evaluate(async (pages) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('engram');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const tx = database.transaction(['sources', 'jobs'], 'readwrite');
    for (const { id, url, title, text, savedAt, queuedAt } of pages) {
      tx.objectStore('sources').put({
        id,
        kind: 'page',
        url,
        canonicalUrl: url,
        title,
        site: new URL(url).hostname,
        text,
        extractor: 'readability',
        origin: 'shortcut',
        status: 'pending',
        savedAt,
        lastSeenAt: savedAt,
        seenCount: 1,
        outLinks: [],
      });
      tx.objectStore('jobs').put({
        id: `ingest:${id}`,
        kind: 'ingest',
        sourceId: id,
        status: 'queued',
        attempts: 0,
        createdAt: queuedAt,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
    database.close();
  }, pages);
}
