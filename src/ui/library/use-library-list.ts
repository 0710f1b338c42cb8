/**
 * The library's list as data: the ordered keys of every source (ids and save times, from the
 * `savedAt` index, no text), narrowed by the filters' id sets and the time range, or the search's
 * ranked ids. The newest rows are read first, on their own (store/first-rows.ts, started by the
 * page's entry module), so the first screen never waits for the keys of 100,000 sources. The reads
 * below go through `listData()` (later.ts): Dexie and the messaging load after the first paint.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { withDayHeadings, type ListEntry } from '../../core/library/day-groups';
import {
  filterKeys,
  rangeStart,
  type OrderedKeys,
  type TimeRange,
} from '../../core/library/filters';
import type { LibraryKind } from '../../shared/store/library-reads';
import { errorMessage } from '../../shared/error-message';
import type { LibraryState, SourceSummary } from '../../shared/store/source-summary';
import type { EarlyRows } from '../../shared/store/first-rows';
import { listData, useLaterSubscription } from './later';

export interface Filters {
  query: string;
  kind: LibraryKind | '';
  site: string;
  range: TimeRange;
  state: LibraryState | '';
}

export const noFilters: Filters = { query: '', kind: '', site: '', range: 'all', state: '' };

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
  /** True once the first rows are drawn: the page's other reads wait for it. */
  ready: boolean;
  /** Nothing is kept at all (no filter can find anything). */
  empty: boolean;
  /** Bumped whenever the stored sources change: cached rows are stale. */
  generation: number;
  searching: boolean;
  error: string | undefined;
}

export function useLibraryList(filters: Filters, early: EarlyRows): LibraryList {
  const [first, setFirst] = useState<SourceSummary[]>(early.value ?? []);
  const [ready, setReady] = useState(early.value !== undefined);
  const [all, setAll] = useState<{ keys: OrderedKeys; generation: number; range: TimeRange }>();
  const [empty, setEmpty] = useState<boolean>();
  const [sets, setSets] = useState<Array<ReadonlySet<string>>>([]);
  const [found, setFound] = useState<string[]>();
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string>();

  const { kind, site, state, range, query } = filters;
  // Bumped by every write to the sources, here or in another context (a capture, a status, a
  // title, a delete): Dexie's own change signal, which costs no query (a live count of the table
  // walked 100,000 rows at every change, and at the page's start before anything else).
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    void early.promise.then((rows) => {
      setFirst(rows);
      setReady(true);
    });
  }, []);
  // Subscribed before the key list is read below: both wait for the same module, this one first.
  useLaterSubscription(true, ({ onSourcesChanged }) =>
    onSourcesChanged(() => setGeneration((g) => g + 1)),
  );

  // Everything else waits until the first rows are drawn: the key list and the filters' sets
  // walk whole indexes, and the backend serves one request at a time.
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void listData().then(({ db, libraryKeys, anyKept }) => {
      void libraryKeys(db(), rangeStart(range, Date.now())).then(
        (keys) => live && setAll({ keys, generation, range }),
        (e: unknown) => setError(errorMessage(e)),
      );
      void anyKept(db()).then(
        (any) => live && setEmpty(!any),
        (e: unknown) => setError(errorMessage(e)),
      );
    });
    return () => {
      live = false;
    };
  }, [generation, range, ready]);

  useEffect(() => {
    let live = true;
    const sets = async (): Promise<Array<Set<string>>> => {
      if (!kind && !site && !state) return [];
      const { db, idsOfLibraryKind, idsOfSite, idsInState } = await listData();
      const wanted: Array<Promise<Set<string>>> = [];
      if (kind) wanted.push(idsOfLibraryKind(db(), kind));
      if (site) wanted.push(idsOfSite(db(), site));
      if (state) wanted.push(idsInState(db(), state));
      return Promise.all(wanted);
    };
    void sets().then(
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
      void listData()
        .then(({ send }) => send('library/search', { query: text, limit: SEARCH_LIMIT }))
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

  const base = useMemo<OrderedKeys>(() => {
    if (all) return all.keys;
    const from = rangeStart(range, Date.now());
    const shown = first.filter((s) => s.savedAt >= from);
    return { ids: shown.map((s) => s.id), times: shown.map((s) => s.savedAt) };
  }, [all, first, range]);
  const keys = useMemo(
    () => (found === undefined ? filterKeys(base, sets) : rankedKeys(base, found, sets)),
    [base, sets, found],
  );
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
    ready,
    complete: all !== undefined && all.range === range,
    empty: empty ?? (ready && !all && first.length === 0),
    generation: all?.generation ?? 0,
    searching,
    error,
  };
}

/** Search results in rank order, kept only where the filters and time range allow. */
function rankedKeys(
  base: OrderedKeys,
  ranked: readonly string[],
  sets: ReadonlyArray<ReadonlySet<string>>,
): OrderedKeys {
  const wanted = new Set(ranked);
  const timeOf = new Map<string, number>();
  base.ids.forEach((id, i) => {
    if (wanted.has(id)) timeOf.set(id, base.times[i] ?? 0);
  });
  const ids = ranked.filter((id) => timeOf.has(id) && sets.every((set) => set.has(id)));
  return { ids, times: ids.map((id) => timeOf.get(id) ?? 0) };
}
