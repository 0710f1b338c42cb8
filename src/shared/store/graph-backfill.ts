/**
 * The store side of the graph backfill (issue 14, engine/ingest/graph-backfill.ts): sources kept
 * before the knowledge graph existed have only their site entity. They are walked in id order
 * behind a cursor held in the `graphBackfill` setting; each one's graph is written in the same
 * transaction as the cursor that passes it, so an engine killed halfway resumes after the last
 * source written and never counts one twice.
 */
import type { EngramDb } from '../db';
import { readSetting, writeSetting, type SettingValue } from '../settings';
import { mentionsBy, siteEntityId } from './graph';
import { writeSourceGraph, type NamedEntity, type SourceGraphInput } from './graph-write';
import type { SourceRow } from '../db';

export type GraphBackfillState = SettingValue<'graphBackfill'>;

export const graphBackfillState = (db: EngramDb): Promise<GraphBackfillState> =>
  readSetting(db, 'graphBackfill');

/** Moves the cursor past sources that needed nothing (or marks the walk over). */
export const saveGraphBackfill = (db: EngramDb, state: GraphBackfillState): Promise<void> =>
  writeSetting(db, 'graphBackfill', state);

/** The next `limit` source ids after the cursor, in id order. */
export const sourceIdsAfter = (
  db: EngramDb,
  after: string | undefined,
  limit: number,
): Promise<string[]> =>
  (after === undefined ? db.sources.orderBy(':id') : db.sources.where(':id').above(after))
    .limit(limit)
    .primaryKeys();

/** Sources still ahead of the cursor: what "n of m" counts. */
export const countSourcesAfter = (db: EngramDb, after: string | undefined): Promise<number> =>
  after === undefined ? db.sources.count() : db.sources.where(':id').above(after).count();

/** Whether a source mentions anything besides its site: its graph was already made. */
export async function hasGraphEntities(db: EngramDb, sourceId: string): Promise<boolean> {
  const ids = await mentionsBy(db, sourceId).primaryKeys();
  return ids.some(([, entityId]) => !entityId.startsWith(siteEntityId('')));
}

/**
 * Writes an older source's part of the graph and moves the cursor past it, in one transaction
 * over the tables a commit writes (index-commit.ts). Nothing is written for a source deleted
 * meanwhile, or one that indexing gave its graph meanwhile (captured again): the cursor still
 * moves. Returns the entities the known-name matcher should learn, or undefined when nothing was
 * written.
 */
export async function commitBackfilledGraph(
  db: EngramDb,
  source: SourceRow,
  graph: SourceGraphInput | undefined,
): Promise<NamedEntity[] | undefined> {
  return db.transaction(
    'rw',
    [db.sources, db.entities, db.mentions, db.entityEdges, db.links, db.settings],
    async () => {
      await saveGraphBackfill(db, { after: source.id, done: false });
      if ((await db.sources.where('id').equals(source.id).count()) === 0) return undefined;
      if (await hasGraphEntities(db, source.id)) return undefined;
      return writeSourceGraph(db, source, graph);
    },
  );
}
