/**
 * The library page drawn, once its modules are in (loaded by main.tsx after it started the early
 * read): the words prepared, then the page rendered with the rows read meanwhile.
 */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';
import type { EarlyRows } from '../../shared/store/first-rows';
import { LibraryPage } from './library-page';

export async function showLibrary(firstRows: EarlyRows): Promise<void> {
  // Where the browser gives a page no words, the remembered locale (src/shared/locale-memo.ts).
  await prepareWords();
  performance.mark('library:words');
  document.documentElement.lang = uiLanguage();
  document.title = t('libraryTitle');
  const root = document.getElementById('app');
  if (root) render(<LibraryPage firstRows={firstRows} />, root);
}
