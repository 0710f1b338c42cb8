/**
 * The picture's filters: a toggle per kind (which is also the colour legend) and the time range,
 * a recent span or one month picked ("what I read in March").
 */
import { t, type MessageKey } from '../../shared/i18n';
import { GRAPH_KINDS } from '../../shared/store/graph-view-types';
import { GRAPH_RANGES, type GraphFilters, type GraphRange } from './graph-filters';
import { kindWord } from './graph-words';

const RANGE_WORDS: Record<GraphRange, MessageKey> = {
  all: 'graphRangeAll',
  week: 'graphRangeWeek',
  month: 'graphRangeMonth',
  year: 'graphRangeYear',
  pick: 'graphRangePick',
};

interface Props {
  filters: GraphFilters;
  onChange: (next: GraphFilters) => void;
}

export function GraphToolbar({ filters, onChange }: Props) {
  const set = (patch: Partial<GraphFilters>) => onChange({ ...filters, ...patch });
  const toggle = (kind: (typeof GRAPH_KINDS)[number]) =>
    set({
      kinds: filters.kinds.includes(kind)
        ? filters.kinds.filter((k) => k !== kind)
        : GRAPH_KINDS.filter((k) => k === kind || filters.kinds.includes(k)),
    });
  return (
    <div class="graph-filters">
      <div class="graph-kinds" role="group" aria-label={t('graphFilterKinds')}>
        {GRAPH_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            class="graph-kind"
            data-testid={`graph-kind-${kind}`}
            aria-pressed={filters.kinds.includes(kind)}
            onClick={() => toggle(kind)}
          >
            <span class={`graph-dot kind-${kind}`} aria-hidden="true" />
            {kindWord(kind)}
          </button>
        ))}
      </div>
      <label class="graph-time">
        <span>{t('graphFilterTime')}</span>
        <select
          data-testid="graph-range"
          value={filters.range}
          onChange={(event) => set({ range: event.currentTarget.value as GraphRange })}
        >
          {GRAPH_RANGES.map((range) => (
            <option key={range} value={range}>
              {t(RANGE_WORDS[range])}
            </option>
          ))}
        </select>
      </label>
      {filters.range === 'pick' && (
        <label class="graph-time">
          <span>{t('graphFilterMonth')}</span>
          <input
            type="month"
            data-testid="graph-month"
            value={filters.month}
            onChange={(event) => set({ month: event.currentTarget.value })}
          />
        </label>
      )}
    </div>
  );
}
