/**
 * The library page: the list, and a source's page over it. The list stays mounted (hidden) while
 * an item is open, so Back returns to the same filters, selection and scroll position.
 */
import '../components/chat.css';
import './library.css';
import { DiskFullNotice } from '../components/disk-full-notice';
import { ItemPage } from './item-page';
import { ListView } from './list-view';
import { t } from '../../shared/i18n';
import { useHashRoute } from './use-hash-route';

export function LibraryPage() {
  const route = useHashRoute();
  return (
    <div class="library">
      <header class="lib-header">
        <h1>
          <a href="#/">{t('libraryTitle')}</a>
        </h1>
        <a class="lib-graph-link" href="graph.html" data-testid="open-graph">
          {t('libraryOpenGraph')}
        </a>
        {/* Saving has stopped for lack of space: the library is where people go to make room. */}
        <DiskFullNotice />
      </header>
      <ListView hidden={route.view !== 'list'} />
      {route.view === 'item' && <ItemPage key={route.id} id={route.id} />}
    </div>
  );
}
