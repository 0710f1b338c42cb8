/**
 * The rows on screen, read by id in pages and kept while the stored sources do not change: a
 * scroll reads only the pages it reaches, and the same rows are never read twice.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SourceSummary } from '../../shared/store/source-summary';
import { listData } from './later';

export function useRows(
  visibleIds: readonly string[],
  seed: readonly SourceSummary[],
  generation: number,
): ReadonlyMap<string, SourceSummary> {
  const cache = useRef(new Map<string, SourceSummary>());
  const [, setVersion] = useState(0);
  const seeded = useRef(0);

  if (seeded.current !== generation && generation > 0) {
    // The stored sources changed (a status, a title, a delete): read what is shown again.
    cache.current = new Map();
    seeded.current = generation;
  }
  // The newest rows, read before the keys, stand in until the first change.
  if (generation === 0) {
    for (const row of seed) if (!cache.current.has(row.id)) cache.current.set(row.id, row);
  }

  const missing = visibleIds.filter((id) => !cache.current.has(id));
  const key = missing.join('\n');
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void listData().then(async ({ db, summariesOf }) => {
      const rows = await summariesOf(db(), missing);
      if (!live) return;
      for (const row of rows) cache.current.set(row.id, row);
      setVersion((v) => v + 1);
    });
    return () => {
      live = false;
    };
  }, [key, generation]);
  return cache.current;
}
