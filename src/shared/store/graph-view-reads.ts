/**
 * What the graph picture and the entity pages read (issue 14), bounded so that the picture stays
 * interactive: at most VIEW_LIMITS nodes (the most often seen entities under the filters) and the
 * heaviest edges among them. Each read uses an index where one narrows the rows (kind, last
 * sighting, key, an edge's end, a mention's entity); the ranking by sourceCount needs the
 * candidates in memory, which at 100,000 entities is a few megabytes of small rows.
 */
import { entityKey } from '../../core/graph/entity-key';
import type { EngramDb } from '../db';
import { mentionsBy } from './graph';
import { summaryOf, type SourceSummary } from './library-reads';
import {
  entityEdgeTable,
  entityTable,
  GRAPH_KINDS,
  mentionTable,
  type EntityEdgeRow,
  type GraphEntityKind,
  type GraphEntityRow,
  type MentionRole,
} from './graph-view-types';

/** The picture's bounds, the size issue 14 asks to keep interactive (measured: BENCHMARKS.md). */
export const VIEW_LIMITS = { nodes: 10_000, edges: 50_000 } as const;

export interface GraphFilter {
  /** Kinds to show; empty or all of them: every kind. */
  kinds: readonly GraphEntityKind[];
  /** Seen within [from, to) (ms): the entity's first and last sightings overlap the range. */
  from?: number;
  to?: number;
}

export interface GraphSlice {
  nodes: GraphEntityRow[];
  edges: EntityEdgeRow[];
  /** Entities under the filters, before the node limit. */
  matching: number;
}

/** Most seen first, then most recently seen, then by id: the same rows always rank the same. */
export const bySeen = (x: GraphEntityRow, y: GraphEntityRow): number =>
  y.sourceCount - x.sourceCount ||
  y.lastSeenAt - x.lastSeenAt ||
  (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * The entities under the filters. A time range reads from the `lastSeenAt` index (entities last
 * seen before the range never load); otherwise the `kind` index when some kinds are left out.
 * The range test is an overlap of first and last sightings, which needs no read of the sources:
 * an entity seen in February and April counts for March too, a price paid for staying bounded.
 */
async function candidates(db: EngramDb, filter: GraphFilter): Promise<GraphEntityRow[]> {
  const table = entityTable(db);
  const some = filter.kinds.length > 0 && filter.kinds.length < GRAPH_KINDS.length;
  const kinds = new Set(filter.kinds);
  const from = filter.from ?? -Infinity;
  const to = filter.to ?? Infinity;
  if (from > -Infinity) {
    const rows = await table.where('lastSeenAt').aboveOrEqual(from).toArray();
    return rows.filter((e) => e.firstSeenAt < to && (!some || kinds.has(e.kind)));
  }
  const rows = some
    ? await table
        .where('kind')
        .anyOf([...kinds])
        .toArray()
    : await table.toArray();
  return to < Infinity ? rows.filter((e) => e.firstSeenAt < to) : rows;
}

/** The `limit` most seen entities under the filters, and the heaviest edges among them. */
export async function graphSlice(
  db: EngramDb,
  filter: GraphFilter,
  limits: { nodes: number; edges: number } = VIEW_LIMITS,
): Promise<GraphSlice> {
  const all = await candidates(db, filter);
  const nodes = all.sort(bySeen).slice(0, limits.nodes);
  const edges = await edgesAmong(
    db,
    nodes.map((n) => n.id),
    limits.edges,
  );
  return { nodes, edges, matching: all.length };
}

/** The heaviest `limit` edges whose two ends are both in `ids`. */
export async function edgesAmong(
  db: EngramDb,
  ids: readonly string[],
  limit: number,
): Promise<EntityEdgeRow[]> {
  if (ids.length === 0) return [];
  const inside = new Set(ids);
  const table = entityEdgeTable(db);
  // Most slices hold most entities: one scan is then cheaper than thousands of index ranges.
  const total = await entityTable(db).count();
  const rows =
    ids.length * 2 >= total ? await table.toArray() : await table.where('a').anyOf(ids).toArray();
  const kept = rows.filter((e) => inside.has(e.a) && inside.has(e.b));
  return kept.length > limit ? kept.sort((x, y) => y.weight - x.weight).slice(0, limit) : kept;
}

export const getEntity = (db: EngramDb, id: string): Promise<GraphEntityRow | undefined> =>
  entityTable(db).get(id);

/**
 * Entities whose name or an alias contains the query (any case and accent, as the key folds
 * them), names starting with it first, then the most seen.
 */
export async function searchEntities(
  db: EngramDb,
  query: string,
  limit = 20,
): Promise<GraphEntityRow[]> {
  const key = entityKey(query);
  if (!key) return [];
  const contains = (e: GraphEntityRow) =>
    [e.name, ...(e.aliases ?? [])].some((name) => entityKey(name).includes(key));
  const prefixed = await entityTable(db).where('key').startsWith(key).limit(limit).toArray();
  const seen = new Set(prefixed.map((e) => e.id));
  const more =
    prefixed.length < limit
      ? await entityTable(db)
          .filter((e) => !seen.has(e.id) && contains(e))
          .limit(limit - prefixed.length)
          .toArray()
      : [];
  return [...prefixed.sort(bySeen), ...more.sort(bySeen)];
}

export interface RelatedEntity {
  entity: GraphEntityRow;
  weight: number;
  edge: EntityEdgeRow;
}

/** The entities that co-occur with `id`, heaviest edge first. */
export async function relatedEntities(
  db: EngramDb,
  id: string,
  limit = 30,
): Promise<RelatedEntity[]> {
  const table = entityEdgeTable(db);
  const [asA, asB] = await Promise.all([
    table.where('a').equals(id).toArray(),
    table.where('b').equals(id).toArray(),
  ]);
  const edges = [...asA, ...asB].sort((x, y) => y.weight - x.weight).slice(0, limit);
  const others = await entityTable(db).bulkGet(edges.map((e) => (e.a === id ? e.b : e.a)));
  return edges.flatMap((edge, i) => {
    const entity = others[i];
    return entity ? [{ entity, weight: edge.weight, edge }] : [];
  });
}

/** An entity, its related entities and the edges among them all: what "expand" adds. */
export async function neighbourhood(
  db: EngramDb,
  id: string,
  limit = 50,
): Promise<{ nodes: GraphEntityRow[]; edges: EntityEdgeRow[] }> {
  const [self, related] = await Promise.all([getEntity(db, id), relatedEntities(db, id, limit)]);
  if (!self) return { nodes: [], edges: [] };
  const nodes = [self, ...related.map((r) => r.entity)];
  const ids = nodes.map((n) => n.id);
  const inside = new Set(ids);
  const rows = await entityEdgeTable(db).where('a').anyOf(ids).toArray();
  return { nodes, edges: rows.filter((e) => inside.has(e.b)) };
}

export interface MentioningSource {
  source: SourceSummary;
  role?: MentionRole;
}

/** The sources that mention an entity, newest first (at most `limit`), with their role. */
export async function entitySources(
  db: EngramDb,
  entityId: string,
  limit = 200,
): Promise<{ sources: MentioningSource[]; total: number }> {
  const mentions = await mentionTable(db).where('entityId').equals(entityId).toArray();
  const rows = await db.sources.bulkGet(mentions.map((m) => m.sourceId));
  const found = mentions.flatMap((m, i) => {
    const row = rows[i];
    return row ? [{ source: summaryOf(row), role: m.role }] : [];
  });
  found.sort((x, y) => y.source.savedAt - x.source.savedAt);
  return { sources: found.slice(0, limit), total: found.length };
}

/** The entities a source mentions (its item page links to them), most seen first. */
export async function entitiesOfSource(
  db: EngramDb,
  sourceId: string,
  limit = 40,
): Promise<GraphEntityRow[]> {
  const mentions = await mentionsBy(db, sourceId).toArray();
  const rows = await entityTable(db).bulkGet(mentions.map((m) => m.entityId));
  return rows
    .filter((row): row is GraphEntityRow => row !== undefined && row.kind !== 'site')
    .sort(bySeen)
    .slice(0, limit);
}
