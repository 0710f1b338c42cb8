/** The library page: everything Engram kept, to look through, search, fix and forget (issue 12). */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { LibraryPage } = await import('./library-page');

document.documentElement.lang = uiLanguage();
document.title = t('libraryTitle');
const root = document.getElementById('app');
if (root) render(<LibraryPage />, root);
