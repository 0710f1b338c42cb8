/**
 * What the library's "Export these" writes: the list as shown. Kind, site and time range are
 * said as the export format's own filter (readable in the file's header); a search, a state, or
 * the PDF and transcript kinds (pages, to the format, told apart only in the library) have no
 * such field, so the listed ids are named one by one and the format stays as it is. No filter at all exports everything,
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
  const { kind } = filters;
  if (
    filters.query.trim() !== '' ||
    filters.state !== '' ||
    kind === 'pdf' ||
    kind === 'transcript'
  ) {
    return { ids: [...listedIds] };
  }
  const since = rangeStart(filters.range, now);
  const filter: ExportFilter = {
    ...(kind ? { kinds: [kind] } : {}),
    ...(filters.site ? { sites: [filters.site] } : {}),
    ...(Number.isFinite(since) ? { since } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}
