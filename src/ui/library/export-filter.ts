/**
 * What the library's "Export these" writes: the list as shown. Kind, site and time range are
 * said as the export format's own filter (readable in the file's header); a search or a state has
 * no such field, so the listed ids are named one by one. No filter at all exports everything,
 * conversations and settings included, as the settings page does.
 */
import { rangeStart } from '../../core/library/filters';
import type { ExportFilter } from '../../shared/export/records';
import type { Filters } from './use-library-list';

export function exportFilterOf(
  filters: Filters,
  listedIds: readonly string[],
  now: number,
): ExportFilter | undefined {
  if (filters.query.trim() !== '' || filters.state !== '') return { ids: [...listedIds] };
  const since = rangeStart(filters.range, now);
  const filter: ExportFilter = {
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    ...(filters.site ? { sites: [filters.site] } : {}),
    ...(Number.isFinite(since) ? { since } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}
