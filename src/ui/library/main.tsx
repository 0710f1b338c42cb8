/** The library page: everything Engram kept, to look through, search, fix and forget (issue 12). */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';
import { readFirstRows } from '../../shared/store/first-rows';

/** Rows read before anything else: a screenful and some, for the first paint. */
const FIRST_ROWS = 60;

// The page's start in steps, for the benchmark (scripts/bench/library.ts) and the profiler.
performance.mark('library:entry');
// The first screen's rows first, while the words and the page's modules load (first-rows.ts).
const firstRows = readFirstRows(FIRST_ROWS);
void firstRows.promise.then(() => performance.mark('library:first-rows'));
// The page's modules load meanwhile; none words anything as it loads (only when rendered), so
// they need not wait for the words (src/shared/locale-memo.ts), which come before the render.
const page = import('./library-page');
await prepareWords();
const { LibraryPage } = await page;
performance.mark('library:modules');

document.documentElement.lang = uiLanguage();
document.title = t('libraryTitle');
const root = document.getElementById('app');
if (root) render(<LibraryPage firstRows={firstRows} />, root);
