/**
 * The default blocklist keeps local addresses out of memory, and fixture pages are served from
 * 127.0.0.1 and localhost. Tests that capture them allow them first, as a user would in settings
 * (the settings page has no site-rules editor yet, so the row is written directly).
 */
import { serviceWorker, waitFor, type Engram } from './harness';

export async function setSiteRules(
  engram: Engram,
  rules: Array<{ pattern: string; policy: 'never' | 'url-only' | 'full' }>,
): Promise<void> {
  const sw = await serviceWorker(engram);
  // Engram creates its database when it starts; until then there is nothing to write into (and
  // opening it here must not create an empty one), so try again until it exists.
  await waitFor('the settings table', () =>
    sw.evaluate(
      (value) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('engram');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const database = open.result;
            if (!database.objectStoreNames.contains('settings')) {
              database.close();
              resolve(false);
              return;
            }
            const tx = database.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key: 'siteRules', value });
            tx.oncomplete = () => {
              database.close();
              resolve(true);
            };
            tx.onerror = () => resolve(false);
          };
        }),
      rules,
    ),
  );
}
