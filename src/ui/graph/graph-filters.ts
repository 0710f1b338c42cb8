/**
 * The picture's filters as the toolbar holds them, and as the reads take them: kinds, and a time
 * range, either a recent span or one calendar month ("what I read in March"), in local time.
 */
import type { GraphFilter } from '../../shared/store/graph-view-reads';
import type { GraphEntityKind } from '../../shared/store/graph-view-types';

export const GRAPH_RANGES = ['all', 'week', 'month', 'year', 'pick'] as const;
export type GraphRange = (typeof GRAPH_RANGES)[number];

export interface GraphFilters {
  kinds: GraphEntityKind[];
  range: GraphRange;
  /** `YYYY-MM` (an `<input type="month">` value) when range is `pick`. */
  month: string;
}

/** Sites are left out at first: each links every page of a site and crowds the people out. */
export const DEFAULT_FILTERS: GraphFilters = {
  kinds: ['person', 'organisation', 'place', 'event', 'idea'],
  range: 'all',
  month: '',
};

const DAY = 86_400_000;
const SPANS: Partial<Record<GraphRange, number>> = {
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
};

/** The month `YYYY-MM` as [first instant, first instant of the next month) in local time. */
export function monthRange(month: string): { from: number; to: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return undefined;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  if (index < 0 || index > 11) return undefined;
  return { from: new Date(year, index, 1).getTime(), to: new Date(year, index + 1, 1).getTime() };
}

export function readFilter(filters: GraphFilters, now: number): GraphFilter {
  const span = SPANS[filters.range];
  if (span !== undefined) return { kinds: filters.kinds, from: now - span };
  if (filters.range === 'pick') {
    const month = monthRange(filters.month);
    if (month) return { kinds: filters.kinds, ...month };
  }
  return { kinds: filters.kinds };
}
