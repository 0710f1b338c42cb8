/**
 * The library's list: toolbar, what is selected, and the virtualised rows. Keyboard: arrows,
 * Page Up/Down, Home/End move; Enter opens; Space selects (Shift: a range); Delete forgets the
 * selection (or the focused source) after a confirmation.
 */
import { useCallback, useMemo, useState } from 'preact/hooks';
import { emptySelection, keepListed, toggle, type Selection } from '../../core/library/selection';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/error-message';
import type { EarlyRows } from '../../shared/store/first-rows';
import { ConfirmDialog } from './confirm-dialog';
import { exportFilterOf } from './export-filter';
import { listData } from './later';
import { LibraryToolbar } from './library-toolbar';
import { counted, dayLabel } from './library-words';
import { SourceRowView } from './source-row';
import { openItem } from './use-hash-route';
import { noFilters, useLibraryList, type Filters } from './use-library-list';
import { useLazy } from './use-lazy';
import { useRows } from './use-rows';
import { VirtualList } from './virtual-list';

export const ROW_HEIGHT = 64;
export const DAY_HEIGHT = 40;
const PAGE_STEP = 8;

const loadExport = () => import('../components/export-buttons').then((m) => m.ExportButtons);
const loadForget = () => import('./forget-dialog').then((m) => m.ForgetDialog);

export function ListView({ hidden, firstRows }: { hidden: boolean; firstRows: EarlyRows }) {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const list = useLibraryList(filters, firstRows);
  const { keys, entries } = list;
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [activeId, setActiveId] = useState<string>();
  const [window, setWindow] = useState({ start: 0, end: 0 });
  const [asking, setAsking] = useState<'delete' | 'forget'>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  const searching = filters.query.trim() !== '';
  const now = Date.now();
  // The export buttons (and their zip writer) load once the first rows are drawn.
  const Export = useLazy(list.ready, loadExport);
  const ForgetDialog = useLazy(asking === 'forget', loadForget);
  const entryOfItem = useMemo(() => {
    const of = new Int32Array(keys.ids.length);
    entries.forEach((entry, at) => {
      if (entry.type === 'item') of[entry.index] = at;
    });
    return of;
  }, [entries, keys]);
  const indexOfId = useMemo(() => new Map(keys.ids.map((id, i) => [id, i])), [keys]);
  const listed = useMemo(() => new Set(keys.ids), [keys]);
  const current = keepListed(selection, listed);
  const activeIndex = activeId === undefined ? undefined : indexOfId.get(activeId);

  const visibleIds = useMemo(() => {
    const ids: string[] = [];
    for (let i = window.start; i < window.end; i++) {
      const entry = entries[i];
      if (entry?.type === 'item') ids.push(keys.ids[entry.index] ?? '');
    }
    return ids;
  }, [window, entries, keys]);
  const rows = useRows(visibleIds, list.first, list.generation);

  const heightOf = useCallback(
    (i: number) => (entries[i]?.type === 'day' ? DAY_HEIGHT : ROW_HEIGHT),
    [entries],
  );
  const onVisible = useCallback((start: number, end: number) => setWindow({ start, end }), []);

  const move = (to: number) => {
    const index = Math.max(0, Math.min(keys.ids.length - 1, to));
    setActiveId(keys.ids[index]);
  };
  const select = (id: string, range: boolean) => setSelection(toggle(current, keys.ids, id, range));
  const retry = (id: string) => {
    listData()
      .then(({ send }) => send('source/retry', { sourceId: id }))
      .then(
        () => setNotice(t('libraryRetryQueued')),
        (e: unknown) => setError(errorMessage(e)),
      );
  };
  const toForget = current.ids.size > 0 ? [...current.ids] : activeId ? [activeId] : [];

  const onKeyDown = (event: KeyboardEvent) => {
    const at = activeIndex ?? -1;
    const keysToMoves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + PAGE_STEP,
      PageUp: at - PAGE_STEP,
      Home: 0,
      End: keys.ids.length - 1,
    };
    const target = keysToMoves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(activeIndex === undefined && event.key === 'ArrowUp' ? 0 : target);
    } else if (event.key === 'Enter' && activeId) {
      event.preventDefault();
      openItem(activeId);
    } else if (event.key === ' ' && activeId) {
      event.preventDefault();
      select(activeId, event.shiftKey);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && toForget.length > 0) {
      event.preventDefault();
      setAsking('delete');
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      setSelection({ ids: new Set(keys.ids) });
    }
  };

  const confirmDelete = async () => {
    setBusy(true);
    try {
      const deleted = await (await listData()).forgetIds(toForget);
      setNotice(counted(deleted, 'libraryForgotten'));
      setSelection(emptySelection);
      setAsking(undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const renderRow = (i: number) => {
    const entry = entries[i];
    if (!entry) return null;
    if (entry.type === 'day') {
      return (
        <h2 class="lib-day" role="presentation" data-testid="day-heading">
          {dayLabel(entry.at, now)}
        </h2>
      );
    }
    const id = keys.ids[entry.index] ?? '';
    return (
      <SourceRowView
        source={rows.get(id)}
        active={id === activeId}
        selected={current.ids.has(id)}
        withDate={searching}
        onToggle={(shift) => select(id, shift)}
        onOpen={() => openItem(id)}
        onRetry={() => retry(id)}
      />
    );
  };

  const count = keys.ids.length;
  return (
    <main class="lib-list-view" hidden={hidden}>
      <LibraryToolbar
        filters={filters}
        onChange={setFilters}
        searching={list.searching}
        ready={list.ready}
      />
      <div class="lib-actions">
        <p class="lib-count muted" data-testid="library-count" data-count={count} role="status">
          {current.ids.size > 0
            ? t('librarySelectedCount', current.ids.size.toLocaleString())
            : list.complete || searching
              ? counted(count, 'libraryItemCount')
              : ''}
        </p>
        {current.ids.size > 0 && (
          <>
            <button
              type="button"
              class="danger"
              data-testid="delete-selected"
              onClick={() => setAsking('delete')}
            >
              {t('libraryDeleteSelected')}
            </button>
            <button type="button" onClick={() => setSelection(emptySelection)}>
              {t('libraryClearSelection')}
            </button>
          </>
        )}
        <button type="button" data-testid="forget-open" onClick={() => setAsking('forget')}>
          {t('libraryForgetOpen')}
        </button>
        {Export && (list.complete || searching) && !list.searching && count > 0 && (
          <Export filter={exportFilterOf(filters, keys.ids, now)} count={count} />
        )}
      </div>
      {(notice || error || list.error) && (
        <p
          class={error || list.error ? 'field-error' : 'muted lib-notice'}
          role="status"
          data-testid="library-notice"
        >
          {error ?? list.error ?? notice}
        </p>
      )}
      {list.empty && !searching ? (
        <p class="lib-empty muted" data-testid="library-empty">
          {t('libraryEmpty')}
        </p>
      ) : (
        <VirtualList
          count={entries.length}
          heightOf={heightOf}
          renderRow={renderRow}
          focusIndex={activeIndex === undefined ? undefined : entryOfItem[activeIndex]}
          resetKey={`${filters.kind}|${filters.site}|${filters.range}|${filters.state}|${filters.query}`}
          onVisible={onVisible}
          attributes={{
            role: 'listbox',
            tabIndex: 0,
            'aria-multiselectable': true,
            'aria-label': t('libraryListLabel'),
            'aria-activedescendant': activeId ? `row-${activeId}` : undefined,
            'data-testid': 'library-list',
            onKeyDown,
            onFocus: () => {
              if (activeId === undefined && keys.ids.length > 0) setActiveId(keys.ids[0]);
            },
          }}
        />
      )}
      {count === 0 && !list.empty && (list.complete || searching) && !list.searching && (
        <p class="lib-empty muted" data-testid="library-none">
          {t('libraryNoMatch')}
        </p>
      )}
      {asking === 'delete' && (
        <ConfirmDialog
          title={counted(toForget.length, 'libraryDeleteTitle')}
          confirmLabel={t('libraryDeleteConfirm')}
          busy={busy}
          error={error}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => void confirmDelete()}
        >
          <p>{t('libraryForgetExplain')}</p>
        </ConfirmDialog>
      )}
      {asking === 'forget' && ForgetDialog && (
        <ForgetDialog
          site={filters.site}
          onDone={(deleted) => {
            setAsking(undefined);
            if (deleted > 0) setNotice(counted(deleted, 'libraryForgotten'));
          }}
        />
      )}
    </main>
  );
}
