/**
 * The library page: the list, and a source's page over it. The list stays mounted (hidden) while
 * an item is open, so Back returns to the same filters, selection and scroll position.
 */
import '../components/chat.css';
import './library.css';
import { DiskFullNotice } from '../components/disk-full-notice';
import { ListView } from './list-view';
import { t } from '../../shared/i18n';
import type { EarlyRows } from '../../shared/store/first-rows';
import { useHashRoute } from './use-hash-route';
import { useLazy } from './use-lazy';

const loadItemPage = () => import('./item-page').then((m) => m.ItemPage);

export function LibraryPage({ firstRows }: { firstRows: EarlyRows }) {
  const route = useHashRoute();
  const ItemPage = useLazy(route.view === 'item', loadItemPage);
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
      <ListView hidden={route.view !== 'list'} firstRows={firstRows} />
      {route.view === 'item' && ItemPage && <ItemPage key={route.id} id={route.id} />}
    </div>
  );
}
