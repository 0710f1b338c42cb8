/** What the ingest tests share: a page captured at a given time, and a wait on a condition. */
import type { EngramDb } from '../../shared/db';
import { storeCapture, type StoredCapture } from '../../shared/store/sources';

/** A short page named `name`, captured (stage 1: a pending source and its job) at `at`. */
export const capturePage = (db: EngramDb, name: string, at: number): Promise<StoredCapture> =>
  storeCapture(
    db,
    {
      mode: 'page',
      url: `https://example.com/${name}`,
      title: name,
      text: `Page ${name} says something about ${name}.`,
      links: [],
      extractor: 'readability',
    },
    'shortcut',
    at,
  );

/** Resolves once `check` is true; fails after `ms`. */
export async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
