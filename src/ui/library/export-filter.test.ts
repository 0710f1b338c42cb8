import { describe, expect, test } from 'vitest';
import { exportFilter } from '../../shared/export/records';
import { exportFilterOf } from './export-filter';
import type { Filters } from './use-library-list';

const noFilters: Filters = { query: '', kind: '', site: '', range: 'all', state: '' };
const now = new Date(2026, 11, 7, 15, 30).getTime();

describe('the library export filter', () => {
  test('no filter exports everything', () => {
    expect(exportFilterOf(noFilters, ['a', 'b'], now)).toBeUndefined();
  });

  test('kind, site and time range are said as the format filter', () => {
    expect(
      exportFilterOf({ ...noFilters, kind: 'note', site: 'a.example', range: 'today' }, [], now),
    ).toEqual({ kinds: ['note'], sites: ['a.example'], since: new Date(2026, 11, 7).getTime() });
    expect(exportFilterOf({ ...noFilters, range: 'hour' }, [], now)).toEqual({
      since: now - 3_600_000,
    });
  });

  test('a search or a state names the listed ids', () => {
    expect(
      exportFilterOf({ ...noFilters, query: ' tide ', kind: 'page' }, ['x', 'y'], now),
    ).toEqual({ ids: ['x', 'y'] });
    expect(exportFilterOf({ ...noFilters, state: 'failed' }, [], now)).toEqual({ ids: [] });
  });

  test('PDFs and transcripts, pages to the format, name the listed ids (a valid filter)', () => {
    for (const kind of ['pdf', 'transcript'] as const) {
      const filter = exportFilterOf({ ...noFilters, kind, site: 'a.example' }, ['p', 'q'], now);
      expect(filter).toEqual({ ids: ['p', 'q'] });
      // The file's header still parses with the format's own filter: no new kind slipped in.
      expect(exportFilter.parse(filter)).toEqual(filter);
    }
  });
});
