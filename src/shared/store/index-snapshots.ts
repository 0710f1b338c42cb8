/**
 * The `indexSnapshots` table: the persisted search indexes (issue 4) of the engine's memory index
 * (engine/index/memory-index.ts), one row per part: the keyword index, the sources' ranking facts
 * and the dense index of one model, written together in one transaction with the index-log
 * position they include; the same transaction drops the log entries they make redundant. A start
 * reads the three parts and replays the log after them. A crash before the write leaves the old
 * parts and the whole log; a crash during it leaves the old parts (the transaction is atomic):
 * either way nothing is lost, nothing is applied twice in a way that shows, and nothing is rebuilt.
 */
import type { Bm25Snapshot } from '../../core/index/bm25';
import type { BinaryIndexSnapshot } from '../../core/index/binary-index';
import type { EngramDb, IndexSnapshotRow } from '../db';

export const KEYWORD_PART = 'keyword';
export const SOURCES_PART = 'sources';
/** Vectors of two models never mix: each model's dense index is its own part. */
export const densePart = (modelId: string): string => `dense:${modelId}`;

/** What ranking knows of each indexed source, as parallel arrays. */
export interface SourcesSnapshot {
  ids: string[];
  savedAt: Float64Array;
  lastSeenAt: Float64Array;
  timesSeen: Uint32Array;
  /** 1: saved on purpose. */
  saved: Uint8Array;
}

export interface PersistedIndex {
  /** The last index-log entry the parts include. */
  seq: number;
  takenAt: number;
  /** Sightings (not logged) after this time may be missing: a restore looks for them again. */
  sightingsSince: number;
  keyword: Bm25Snapshot;
  sources: SourcesSnapshot;
  dense: BinaryIndexSnapshot;
  /** The model being re-embedded for, while that runs (issue 3). */
  next?: BinaryIndexSnapshot;
}

/** The parts for this model, or undefined when any is missing or they were not written together. */
export async function readPersisted(
  db: EngramDb,
  modelId: string,
  nextId?: string,
): Promise<PersistedIndex | undefined> {
  const [keyword, sources, dense, next] = await db.indexSnapshots.bulkGet([
    KEYWORD_PART,
    SOURCES_PART,
    densePart(modelId),
    nextId === undefined ? '' : densePart(nextId),
  ]);
  if (!keyword || !sources || !dense) return undefined;
  if (keyword.seq !== sources.seq || keyword.seq !== dense.seq) return undefined;
  // The next model's part is optional: without it, re-embedding starts over.
  const nextPart = next?.seq === keyword.seq ? { next: next.data as BinaryIndexSnapshot } : {};
  const facts = sources.data as { sightingsSince: number; facts: SourcesSnapshot };
  return {
    seq: keyword.seq,
    takenAt: keyword.takenAt,
    sightingsSince: facts.sightingsSince,
    keyword: keyword.data as Bm25Snapshot,
    sources: facts.facts,
    dense: dense.data as BinaryIndexSnapshot,
    ...nextPart,
  };
}

/** The source ids a persisted sources part lists; undefined when it is missing or malformed. */
function listedSources(row: IndexSnapshotRow | undefined): readonly unknown[] | undefined {
  const ids = (row?.data as { facts?: { ids?: unknown } } | undefined)?.facts?.ids;
  return Array.isArray(ids) ? ids : undefined;
}

/**
 * Forgetting (delete-sources.ts, in its transaction): when the persisted parts hold any of these
 * sources, or cannot say, every part goes, since the keyword part keeps their words and the dense
 * parts their vectors. The engine writes new parts right after a forget; if it cannot, the next
 * start rebuilds them from the rows left. True when parts were dropped.
 */
export async function dropSnapshotsHolding(
  db: EngramDb,
  sourceIds: ReadonlySet<string>,
): Promise<boolean> {
  const keys = await db.indexSnapshots.toCollection().primaryKeys();
  if (keys.length === 0) return false;
  const listed = listedSources(await db.indexSnapshots.get(SOURCES_PART));
  if (listed && !listed.some((id) => typeof id === 'string' && sourceIds.has(id))) return false;
  await db.indexSnapshots.bulkDelete(keys);
  return true;
}

/**
 * Writes the parts and drops the log entries up to their position. Dense parts of other models are
 * dropped too (their chunks' vectors are gone), except those named in `keepModels`. Writes nothing
 * and returns false when a source in the parts was deleted after their position (a forget that
 * landed while they were taken): such parts would put the forgotten text back at rest, so the
 * caller reads the log again and writes anew.
 */
export async function writePersisted(
  db: EngramDb,
  index: PersistedIndex,
  keepModels: readonly string[] = [],
): Promise<boolean> {
  const { seq, takenAt } = index;
  const models = [index.dense.modelId, ...(index.next ? [index.next.modelId] : []), ...keepModels];
  const keep = new Set(models.map(densePart));
  return db.transaction('rw', db.indexSnapshots, db.indexLog, async () => {
    if (await forgottenSince(db, seq, index.sources.ids)) return false;
    const stale = (await db.indexSnapshots.toCollection().primaryKeys()).filter(
      (key) => key.startsWith('dense:') && !keep.has(key),
    );
    await db.indexSnapshots.bulkDelete(stale);
    await db.indexSnapshots.bulkPut([
      { key: KEYWORD_PART, seq, takenAt, data: index.keyword },
      {
        key: SOURCES_PART,
        seq,
        takenAt,
        data: { sightingsSince: index.sightingsSince, facts: index.sources },
      },
      { key: densePart(index.dense.modelId), seq, takenAt, data: index.dense },
      ...(index.next
        ? [{ key: densePart(index.next.modelId), seq, takenAt, data: index.next }]
        : []),
    ]);
    await db.indexLog.where('seq').belowOrEqual(seq).delete();
    return true;
  });
}

/** Whether a source among `held` was deleted after log position `seq` (the log says so). */
async function forgottenSince(
  db: EngramDb,
  seq: number,
  held: readonly string[],
): Promise<boolean> {
  const later = await db.indexLog.where('seq').above(seq).toArray();
  const deleted = new Set(later.filter((e) => e.forgotten).map((e) => e.sourceId));
  return deleted.size > 0 && held.some((id) => deleted.has(id));
}
