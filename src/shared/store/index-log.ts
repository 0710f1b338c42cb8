/**
 * The `indexLog` table (shared/db.ts IndexLogRow), read back by the engine's in-memory indexes
 * (engine/index/memory-index.ts): the rows that changed since a position, or every indexed row
 * with the position it includes, each read in one transaction so they are consistent with each
 * other. Entries are written by the transactions that change chunks (index-commit.ts,
 * delete-sources.ts) and dropped by a snapshot write (index-snapshots.ts).
 */
import type { ChunkRow, EngramDb, SourceRow } from '../db';

export interface LoggedChanges {
  /** The last entry read; undefined when nothing was logged after the position. */
  last: number | undefined;
  /** Sources changed as a whole (committed again or deleted), and what they hold now. */
  whole: string[];
  sources: Array<SourceRow | undefined>;
  chunks: ChunkRow[];
  /** Chunks whose vectors alone changed (undefined: deleted since). */
  vectors: Array<ChunkRow | undefined>;
}

export async function changesSince(db: EngramDb, seq: number): Promise<LoggedChanges> {
  return db.transaction('r', [db.indexLog, db.sources, db.chunks], async () => {
    const entries = await db.indexLog.where('seq').above(seq).toArray();
    const whole = [...new Set(entries.filter((e) => !e.chunkIds).map((e) => e.sourceId))];
    const wholeSet = new Set(whole);
    const vectorIds = entries.flatMap((e) =>
      e.chunkIds && !wholeSet.has(e.sourceId) ? e.chunkIds : [],
    );
    return {
      last: entries.at(-1)?.seq,
      whole,
      sources: await db.sources.bulkGet(whole),
      chunks: await db.chunks.where('sourceId').anyOf(whole).sortBy('ord'),
      vectors: await db.chunks.bulkGet(vectorIds),
    };
  });
}

/**
 * Every indexed source and every chunk, for an index built from the rows: `source` sees each
 * indexed source first, then `chunk` each chunk. Returns the last log entry the rows include
 * (0: none), after which the log is to be replayed.
 */
export async function readEveryIndexedRow(
  db: EngramDb,
  visit: { source: (row: SourceRow) => void; chunk: (row: ChunkRow) => void },
): Promise<number> {
  return db.transaction('r', [db.sources, db.chunks, db.indexLog], async () => {
    const seq = Number((await db.indexLog.orderBy('seq').lastKey()) ?? 0);
    await db.sources.where('status').equals('indexed').each(visit.source);
    await db.chunks.each(visit.chunk);
    return seq;
  });
}
