/** Search as you type, and the filters: kind, site, time range, state. */
import { useState } from 'preact/hooks';
import { TIME_RANGES, type TimeRange } from '../../core/library/filters';
import { t, type MessageKey } from '../../shared/i18n';
import type { LibraryKind } from '../../shared/store/library-reads';
import type { LibraryState } from '../../shared/store/source-summary';
import { useLaterSubscription } from './later';
import { KINDS, kindWord, STATES, stateWord } from './library-words';
import type { Filters } from './use-library-list';

export const RANGE_WORDS: Record<TimeRange, MessageKey> = {
  hour: 'libraryRangeHour',
  today: 'libraryRangeToday',
  week: 'libraryRangeWeek',
  month: 'libraryRangeMonth',
  all: 'libraryRangeAll',
};

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  searching: boolean;
  /** The first rows are drawn: the sites (a walk of the site index) are read only then. */
  ready: boolean;
}

export function LibraryToolbar({ filters, onChange, searching, ready }: Props) {
  const [sites, setSites] = useState<string[]>([]);
  useLaterSubscription(ready, ({ watchSites }) => watchSites(setSites));
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div class="lib-toolbar" role="search">
      <input
        type="search"
        class="lib-search"
        data-testid="library-search"
        placeholder={t('librarySearchPlaceholder')}
        aria-label={t('librarySearchLabel')}
        value={filters.query}
        aria-busy={searching}
        onInput={(event) => set({ query: event.currentTarget.value })}
      />
      <FilterSelect
        label={t('libraryFilterKind')}
        testId="filter-kind"
        value={filters.kind}
        options={[['', t('libraryAnyKind')], ...KINDS.map((k) => [k, kindWord(k)] as const)]}
        onChange={(kind) => set({ kind: kind as LibraryKind | '' })}
      />
      <FilterSelect
        label={t('libraryFilterSite')}
        testId="filter-site"
        value={filters.site}
        options={[['', t('libraryAnySite')], ...sites.map((s) => [s, s] as const)]}
        onChange={(site) => set({ site })}
      />
      <FilterSelect
        label={t('libraryFilterTime')}
        testId="filter-time"
        value={filters.range}
        options={TIME_RANGES.map((r) => [r, t(RANGE_WORDS[r])] as const)}
        onChange={(range) => set({ range: range as TimeRange })}
      />
      <FilterSelect
        label={t('libraryFilterState')}
        testId="filter-state"
        value={filters.state}
        options={[['', t('libraryAnyState')], ...STATES.map((s) => [s, stateWord(s)] as const)]}
        onChange={(state) => set({ state: state as LibraryState | '' })}
      />
    </div>
  );
}

interface SelectProps {
  label: string;
  testId: string;
  value: string;
  /** Value and words of each choice. */
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
}

function FilterSelect({ label, testId, value, options, onChange }: SelectProps) {
  return (
    <label class="lib-filter">
      <span>{label}</span>
      <select
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}
