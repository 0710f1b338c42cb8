import { describe, expect, test } from 'vitest';
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
});
