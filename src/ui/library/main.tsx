/**
 * The library page's entry: everything Engram kept, to look through, search, fix and forget
 * (issue 12). It imports nothing but the early read, so the first screen's rows are being read
 * before any of the page's modules (even the words, ~90 kB of locale tables) have loaded.
 */
import { readFirstRows } from '../../shared/store/first-rows';

/** Rows read before anything else: a screenful and some, for the first paint. */
const FIRST_ROWS = 60;

// The page's start in steps, for the benchmark (scripts/bench/library.ts) and the profiler.
performance.mark('library:entry');
// The first screen's rows first, while the page's modules load (first-rows.ts).
const firstRows = readFirstRows(FIRST_ROWS);
void firstRows.promise.then(() => performance.mark('library:first-rows'));
const { showLibrary } = await import('./show-library');
performance.mark('library:modules');
await showLibrary(firstRows);
