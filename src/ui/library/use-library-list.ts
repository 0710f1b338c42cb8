/**
 * The library's list as data: the ordered keys of every source (ids and save times, from the
 * `savedAt` index, no text), narrowed by the filters' id sets and the time range, or the search's
 * ranked ids. The newest rows are read first, on their own, so the first screen never waits for
 * the keys of 100,000 sources.
 */
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { withDayHeadings, type ListEntry } from '../../core/library/day-groups';
import {
  filterKeys,
  rangeStart,
  type OrderedKeys,
  type TimeRange,
} from '../../core/library/filters';
import { db, type SourceKind } from '../../shared/db';
import { errorMessage, send } from '../../shared/messaging';
import {
  idsInState,
  idsOfKinds,
  idsOfSite,
  libraryKeys,
  newestSources,
  type LibraryState,
  type SourceSummary,
} from '../../shared/store/library-reads';

export interface Filters {
  query: string;
  kind: SourceKind | '';
  site: string;
  range: TimeRange;
  state: LibraryState | '';
}

export const noFilters: Filters = { query: '', kind: '', site: '', range: 'all', state: '' };

/** Rows read before the keys: a screenful and some, for the first paint. */
const FIRST_ROWS = 60;
/** Results asked of the search: more than a screen, as many as the chat's retrieval judges well. */
const SEARCH_LIMIT = 50;
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 150;

export interface LibraryList {
  /** The listed sources in order. */
  keys: OrderedKeys;
  /** The rows to draw: day headings and sources (no headings for search results, ranked). */
  entries: ListEntry[];
  /** The newest rows, read before the keys (a cache seed for the first screen). */
  first: SourceSummary[];
  /** False until the whole key list is read (the list shows the newest rows meanwhile). */
  complete: boolean;
  /** Every source kept, unfiltered. */
  total: number | undefined;
  /** Bumped whenever the stored sources change: cached rows are stale. */
  generation: number;
  searching: boolean;
  error: string | undefined;
}

export function useLibraryList(filters: Filters): LibraryList {
  const [first, setFirst] = useState<SourceSummary[]>([]);
  const [all, setAll] = useState<{ keys: OrderedKeys; generation: number }>();
  const [sets, setSets] = useState<Array<ReadonlySet<string>>>([]);
  const [found, setFound] = useState<string[]>();
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    void newestSources(db(), FIRST_ROWS).then(setFirst, (e: unknown) => setError(errorMessage(e)));
    let generation = 0;
    const subscription = liveQuery(() => libraryKeys(db())).subscribe({
      next: (keys) => setAll({ keys, generation: ++generation }),
      error: (e: unknown) => setError(errorMessage(e)),
    });
    return () => subscription.unsubscribe();
  }, []);

  const { kind, site, state, range, query } = filters;
  const generation = all?.generation ?? 0;
  useEffect(() => {
    let live = true;
    const wanted: Array<Promise<Set<string>>> = [];
    if (kind) wanted.push(idsOfKinds(db(), [kind]));
    if (site) wanted.push(idsOfSite(db(), site));
    if (state) wanted.push(idsInState(db(), state));
    void Promise.all(wanted).then(
      (result) => live && setSets(result),
      (e: unknown) => setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [kind, site, state, generation]);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setFound(undefined);
      setSearching(false);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      void send('library/search', { query: text, limit: SEARCH_LIMIT })
        .then(
          ({ sourceIds }) => live && setFound(sourceIds),
          (e: unknown) => live && setError(errorMessage(e)),
        )
        .finally(() => live && setSearching(false));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, generation]);

  const base = useMemo<OrderedKeys>(
    () => all?.keys ?? { ids: first.map((s) => s.id), times: first.map((s) => s.savedAt) },
    [all, first],
  );
  const keys = useMemo(() => {
    const from = rangeStart(range, Date.now());
    if (found === undefined) return filterKeys(base, sets, from);
    return rankedKeys(base, found, sets, from);
  }, [base, sets, range, found]);
  const entries = useMemo<ListEntry[]>(
    () =>
      found === undefined
        ? withDayHeadings(keys.times)
        : keys.ids.map((_, index) => ({ type: 'item', index })),
    [keys, found],
  );
  return {
    keys,
    entries,
    first,
    complete: all !== undefined,
    total: all?.keys.ids.length,
    generation,
    searching,
    error,
  };
}

/** Search results in rank order, kept only where the filters and time range allow. */
function rankedKeys(
  base: OrderedKeys,
  ranked: readonly string[],
  sets: ReadonlyArray<ReadonlySet<string>>,
  from: number,
): OrderedKeys {
  const wanted = new Set(ranked);
  const timeOf = new Map<string, number>();
  base.ids.forEach((id, i) => {
    if (wanted.has(id)) timeOf.set(id, base.times[i] ?? 0);
  });
  const ids = ranked.filter(
    (id) => (timeOf.get(id) ?? -Infinity) >= from && sets.every((set) => set.has(id)),
  );
  return { ids, times: ids.map((id) => timeOf.get(id) ?? 0) };
}
