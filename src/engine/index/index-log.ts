/**
 * Reading the index log (shared/db.ts IndexLogRow) back: the rows that changed since a position,
 * read in one transaction so they are consistent with each other.
 */
import type { ChunkRow, EngramDb, SourceRow } from '../../shared/db';

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
