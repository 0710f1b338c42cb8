/**
 * A source's part of the knowledge graph (issue 14), written and taken back inside the caller's
 * transaction (index-commit.ts when it is indexed, delete-sources.ts when it is forgotten): its
 * mentions, the entities' counts and first and last seen, its co-occurrence edges, and the links
 * indexing derives (similar, sitting). Writing first takes back what an earlier commit of the same
 * source wrote, so a commit run twice (a retry after a crash) counts once.
 */
import {
  pairedIds,
  pairsOf,
  strongerRole,
  type FoundEntity,
  type StoredRole,
} from '../../core/graph/source-graph';
import type { EngramDb, EntityEdgeRow, EntityRow, LinkRow, MentionRow, SourceRow } from '../db';
import { graphEntityId, linksFrom, mentionsBy, siteEntityId } from './graph';

/** What indexing found for a source (engine/ingest/source-graph.ts). */
export interface SourceGraphInput {
  entities: readonly FoundEntity[];
  /** Known entities its text names, by id, with their occurrences. */
  matched: ReadonlyMap<string, number>;
  /** Sources nearest to it by embedding, nearest first. */
  similar: readonly string[];
}

/** An entity with a name the matcher should know from now on (new, or no longer only an idea). */
export interface NamedEntity {
  id: string;
  name: string;
}

/** Display forms kept per entity beside its name. */
const MAX_ALIASES = 12;
/** Sources saved this close to each other were read in the same sitting. */
export const SITTING_MS = 10 * 60_000;
/** Sitting links per source: the nearest in time. */
const SITTING_LINKS = 5;
/** Keys read beyond SITTING_LINKS: sources saved in the same millisecond, this one among them. */
const SITTING_TIES = 16;

interface Planned {
  role?: StoredRole;
  weight: number;
  found?: FoundEntity;
}

/** Entities by the keys they go by (their own or one merged into them); sites are not looked up. */
async function entitiesByKey(
  db: EngramDb,
  keys: readonly string[],
): Promise<Map<string, EntityRow>> {
  const out = new Map<string, EntityRow>();
  if (keys.length === 0) return out;
  const wanted = [...new Set(keys)];
  // One exact lookup per key rather than `anyOf`: an anyOf cursor may walk the whole index
  // (fake-indexeddb does), which makes indexing quadratic in the number of entities.
  const exact = (index: 'key' | 'aliasKeys') =>
    Promise.all(wanted.map((k) => db.entities.where(index).equals(k).toArray()));
  for (const rows of await exact('key'))
    for (const row of rows) if (row.kind !== 'site') out.set(row.key, row);
  const byAlias = await exact('aliasKeys');
  wanted.forEach((k, i) => {
    const row = byAlias[i]?.[0];
    if (row && !out.has(k)) out.set(k, row);
  });
  return out;
}

/** The mentions a source makes, by entity id: the strongest role and the largest weight. */
async function plan(
  db: EngramDb,
  source: SourceRow,
  input: SourceGraphInput | undefined,
): Promise<{ planned: Map<string, Planned>; rows: Map<string, EntityRow> }> {
  const planned = new Map<string, Planned>();
  const rows = new Map<string, EntityRow>();
  const put = (id: string, next: Planned): void => {
    const seen = planned.get(id);
    if (!seen) return void planned.set(id, next);
    const role = strongerRole(seen.role, next.role);
    planned.set(id, {
      weight: Math.max(seen.weight, next.weight),
      ...(role ? { role } : {}),
      ...((seen.found ?? next.found) ? { found: seen.found ?? next.found } : {}),
    });
  };
  if (source.site) put(siteEntityId(source.site), { weight: 1 });
  if (input) {
    const byKey = await entitiesByKey(
      db,
      input.entities.map((e) => e.key),
    );
    for (const found of input.entities) {
      const row = byKey.get(found.key);
      if (row) rows.set(row.id, row);
      put(row?.id ?? graphEntityId(found.kind, found.key), {
        role: found.role,
        weight: found.weight,
        found,
      });
    }
    // A known name found in the text counts only while its entity exists (the user may have
    // deleted or merged it since the matcher learnt it).
    const matchedIds = [...input.matched.keys()].filter((id) => !planned.has(id));
    const matchedRows = await db.entities.bulkGet(matchedIds);
    matchedRows.forEach((row, i) => {
      if (!row || row.kind === 'site') return;
      rows.set(row.id, row);
      put(row.id, { role: 'matched', weight: input.matched.get(matchedIds[i]!) ?? 1 });
    });
    for (const [id, count] of input.matched)
      if (planned.has(id)) put(id, { role: 'matched', weight: count });
  }
  const unknown = [...planned.keys()].filter((id) => !rows.has(id));
  (await db.entities.bulkGet(unknown)).forEach((row) => row && rows.set(row.id, row));
  return { planned, rows };
}

/** The entity after one more source mentions it (or a new one). */
function counted(
  id: string,
  existing: EntityRow | undefined,
  p: Planned,
  source: SourceRow,
): EntityRow {
  const at = source.savedAt;
  if (!existing) {
    if (!p.found)
      return {
        id,
        kind: 'site',
        name: source.site,
        key: source.site,
        firstSeenAt: at,
        lastSeenAt: at,
        sourceCount: 1,
      };
    const { kind, name, key } = p.found;
    return { id, kind, name, key, firstSeenAt: at, lastSeenAt: at, sourceCount: 1 };
  }
  const row: EntityRow = {
    ...existing,
    firstSeenAt: Math.min(existing.firstSeenAt, at),
    lastSeenAt: Math.max(existing.lastSeenAt, at),
    sourceCount: existing.sourceCount + 1,
  };
  const found = p.found;
  if (found && existing.kind !== 'site') {
    // A name first seen as an idea and now typed by a page's metadata takes the page's kind.
    if (row.kind === 'idea' && found.kind !== 'idea') row.kind = found.kind;
    const aliases = row.aliases ?? [];
    if (found.name !== row.name && !aliases.includes(found.name) && aliases.length < MAX_ALIASES)
      row.aliases = [...aliases, found.name];
    const keys = row.aliasKeys ?? [];
    if (found.key !== row.key && !keys.includes(found.key)) row.aliasKeys = [...keys, found.key];
  }
  return row;
}

/** Adds `delta` to the edges of these pairs; an edge that reaches 0 goes. */
export async function shiftEdges(
  db: EngramDb,
  pairs: ReadonlyArray<[string, string]>,
  delta: number,
): Promise<void> {
  if (pairs.length === 0) return;
  const rows = await db.entityEdges.bulkGet(pairs.map(([a, b]) => [a, b] as [string, string]));
  const keep: EntityEdgeRow[] = [];
  const drop: Array<[string, string]> = [];
  pairs.forEach(([a, b], i) => {
    const weight = (rows[i]?.weight ?? 0) + delta;
    if (weight > 0) keep.push({ a, b, weight });
    else if (rows[i]) drop.push([a, b]);
  });
  await db.entityEdges.bulkPut(keep);
  await db.entityEdges.bulkDelete(drop);
}

/**
 * Sources saved up to SITTING_MS before this one, nearest in time first (keys only: no row read).
 * Only earlier ones (ties: the smaller id), so a pair gets one link whichever is indexed first.
 * Read newest first and bounded: a burst (an import, a scale test) can put thousands of sources
 * in one window, and reading them all for each would make indexing quadratic.
 */
async function sittingWith(db: EngramDb, source: SourceRow): Promise<string[]> {
  const near: Array<{ id: string; gap: number }> = [];
  await db.sources
    .where('savedAt')
    .between(source.savedAt - SITTING_MS, source.savedAt, true, true)
    .reverse()
    .limit(SITTING_LINKS + SITTING_TIES)
    .eachKey((key, cursor) => {
      const id = String(cursor.primaryKey);
      const at = Number(key);
      if (at < source.savedAt || id < source.id) near.push({ id, gap: source.savedAt - at });
    });
  near.sort((x, y) => x.gap - y.gap || (x.id < y.id ? -1 : 1));
  return near.slice(0, SITTING_LINKS).map((n) => n.id);
}

/**
 * Writes a source's part of the graph, taking back first whatever an earlier commit of it wrote.
 * Returns the entities the known-name matcher should learn. Run inside a transaction over
 * sources, entities, mentions, entityEdges and links.
 */
export async function writeSourceGraph(
  db: EngramDb,
  source: SourceRow,
  input: SourceGraphInput | undefined,
): Promise<NamedEntity[]> {
  await removeSourceGraph(db, source.id);
  const { planned, rows } = await plan(db, source, input);
  const entities: EntityRow[] = [];
  const mentions: MentionRow[] = [];
  const named: NamedEntity[] = [];
  for (const [id, p] of planned) {
    const before = rows.get(id);
    const row = counted(id, before, p, source);
    entities.push(row);
    if (row.kind !== 'site' && row.kind !== 'idea' && (!before || before.kind === 'idea'))
      named.push({ id, name: row.name });
    mentions.push({
      sourceId: source.id,
      entityId: id,
      ...(p.role ? { role: p.role } : {}),
      ...(p.weight !== 1 ? { weight: p.weight } : {}),
      at: source.savedAt,
    });
  }
  const paired = new Set(pairedIds(mentions));
  for (const m of mentions) if (paired.has(m.entityId)) m.paired = true;
  await db.entities.bulkPut(entities);
  await db.mentions.bulkPut(mentions);
  await shiftEdges(db, pairsOf([...paired]), 1);
  // Links are derived only for what indexing looked at (not a glimpse: it is its page's moment).
  if (!input) return named;
  const links: LinkRow[] = [];
  for (const toId of new Set(input.similar))
    if (toId !== source.id) links.push({ fromId: source.id, toId, kind: 'similar' });
  for (const toId of await sittingWith(db, source))
    links.push({ fromId: source.id, toId, kind: 'sitting' });
  // A similar or sitting source deleted meanwhile gets no link.
  const present = await Promise.all(
    links.map((l) => db.sources.where('id').equals(l.toId).count()),
  );
  const exists = new Set(links.filter((_, i) => present[i]! > 0).map((l) => l.toId));
  await db.links.bulkPut(links.filter((l) => exists.has(l.toId)));
  return named;
}

/**
 * Takes back a source's part of the graph: its mentions (each entity counts one source less, and
 * goes when none is left), its co-occurrence edges and the links indexing derived from it. Run
 * inside a transaction over entities, mentions, entityEdges and links.
 */
export async function removeSourceGraph(db: EngramDb, sourceId: string): Promise<void> {
  const own = mentionsBy(db, sourceId);
  const mentions = await own.toArray();
  await linksFrom(db, sourceId)
    .filter((l) => l.kind === 'similar' || l.kind === 'sitting')
    .delete();
  if (mentions.length === 0) return;
  await shiftEdges(db, pairsOf(mentions.filter((m) => m.paired).map((m) => m.entityId)), -1);
  const rows = await db.entities.bulkGet(mentions.map((m) => m.entityId));
  // Its mentions go first, so the first and last seen read below are the other sources'.
  await own.delete();
  const keep: EntityRow[] = [];
  const gone: string[] = [];
  for (const [i, m] of mentions.entries()) {
    const row = rows[i];
    if (!row) continue;
    if (row.sourceCount <= 1) {
      gone.push(row.id);
      continue;
    }
    const next = { ...row, sourceCount: row.sourceCount - 1 };
    if (m.at === undefined || m.at <= row.firstSeenAt || m.at >= row.lastSeenAt)
      Object.assign(next, await seenSpan(db, row));
    keep.push(next);
  }
  await db.entities.bulkPut(keep);
  await deleteEntities(db, gone);
}

/**
 * First and last seen over an entity's remaining mentions (its own times if none tell): the two
 * ends of its `[entityId+at]` range, two key reads however many sources mention it.
 */
async function seenSpan(
  db: EngramDb,
  row: EntityRow,
): Promise<Pick<EntityRow, 'firstSeenAt' | 'lastSeenAt'>> {
  const range = () =>
    db.mentions.where('[entityId+at]').between([row.id, -Infinity], [row.id, Infinity], true, true);
  const [first, last] = await Promise.all([range().first(), range().last()]);
  return first?.at !== undefined && last?.at !== undefined
    ? { firstSeenAt: first.at, lastSeenAt: last.at }
    : { firstSeenAt: row.firstSeenAt, lastSeenAt: row.lastSeenAt };
}

/** Deletes entities with their edges (their mentions are the caller's). */
export async function deleteEntities(db: EngramDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.entities.bulkDelete([...ids]);
  // Exact lookups, not `anyOf` (which may walk the whole index: see entitiesByKey).
  for (const id of new Set(ids)) {
    await db.entityEdges.where('a').equals(id).delete();
    await db.entityEdges.where('b').equals(id).delete();
  }
}
