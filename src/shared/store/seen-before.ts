/**
 * The reads behind "You have seen this before" (issue 14): the sources kept at an address, the
 * names of the known people, organisations, places and events (for the title matcher the service
 * worker keeps), and the kept pages that mention an entity. Readers of the graph tables rely only
 * on the fields of the v6 contract (/work/notes/graph-contract.md, shared/db.ts).
 */
import { canonicalUrl } from '../../core/capture/url';
import type { KnownName } from '../../core/graph/entity-matcher';
import type { EntityHit, KeptSource } from '../../core/seen/seen-notice';
import type { EngramDb, EntityKind, EntityRow, SourceRow } from '../db';

/** Sites say where, not who or what; ideas (key phrases) are too loose to say "you read about". */
export const SEEN_KINDS: readonly EntityKind[] = ['person', 'organisation', 'place', 'event'];
const seenKind = (row: EntityRow): boolean => SEEN_KINDS.includes(row.kind);
/** Mentions read per entity: enough for the side panel's five and a fair pick of the newest. */
const MENTIONS_READ = 24;

const keptOf = (row: SourceRow): KeptSource => ({
  id: row.id,
  title: row.title,
  savedAt: row.savedAt,
});

/**
 * The sources kept at `url`'s address (its canonical form, as stored: store/sources.ts), other
 * than a glimpse still held for review (not kept yet).
 */
export async function keptAtAddress(db: EngramDb, url: string): Promise<KeptSource[]> {
  const canonical = canonicalUrl(url);
  if (!canonical) return [];
  const rows = await db.sources.where('canonicalUrl').equals(canonical).toArray();
  return rows.filter((row) => row.heldUntil === undefined).map(keptOf);
}

/** What changes when entities are added, removed or seen again: for the matcher's cache. */
export interface EntityStamp {
  /** Entities of the kinds looked for. */
  count: number;
  /** The latest `lastSeenAt` of any entity (0: none). */
  lastSeenAt: number;
}

export async function entityStamp(db: EngramDb): Promise<EntityStamp> {
  const [count, latest] = await Promise.all([
    db.entities.where('kind').anyOf(SEEN_KINDS).count(),
    db.entities.orderBy('lastSeenAt').last(),
  ]);
  return { count, lastSeenAt: latest?.lastSeenAt ?? 0 };
}

/** The names (display name and aliases) of each entity looked for, by id. */
export type NamesById = Map<string, KnownName[]>;

const namesOf = (row: EntityRow): KnownName[] =>
  [row.name, ...(row.aliases ?? [])].map((name) => ({ id: row.id, name }));

/** Every entity looked for, or (`after`) those seen after that time: new ones and updated ones. */
export async function entityNames(db: EngramDb, after?: number): Promise<NamesById> {
  const rows =
    after === undefined
      ? await db.entities.where('kind').anyOf(SEEN_KINDS).toArray()
      : (await db.entities.where('lastSeenAt').above(after).toArray()).filter(seenKind);
  return new Map(rows.map((row) => [row.id, namesOf(row)]));
}

/**
 * The entities `ids` with the kept pages that mention them, other than those at `canonical` (the
 * page being looked at). The count is every mentioning source but those; the pages listed are the
 * newest of the first `MENTIONS_READ` mentions (mention keys are ordered by source id, not time:
 * at that many, listing the very newest would cost a read of every mention).
 */
export async function entityHits(
  db: EngramDb,
  ids: readonly string[],
  canonical: string,
): Promise<EntityHit[]> {
  const entities = await db.entities.bulkGet([...ids]);
  const hits = await Promise.all(
    entities.map(async (entity): Promise<EntityHit | null> => {
      if (!entity || !seenKind(entity)) return null;
      const mentions = db.mentions.where('entityId').equals(entity.id);
      const [total, keys] = await Promise.all([
        mentions.clone().count(),
        mentions.clone().limit(MENTIONS_READ).primaryKeys(),
      ]);
      const rows = await db.sources.bulkGet(keys.map(([sourceId]) => sourceId));
      const here = rows.filter((row) => row?.canonicalUrl === canonical).length;
      const sources = rows.flatMap((row) =>
        row && row.canonicalUrl !== canonical && row.heldUntil === undefined ? [keptOf(row)] : [],
      );
      return { id: entity.id, name: entity.name, count: total - here, sources };
    }),
  );
  return hits.filter((hit): hit is EntityHit => hit !== null);
}
