/**
 * The `chunks` table: the passages of each source, with their vectors (chunk-vectors.ts). A chunk's
 * id is its source's id and its position (`sourceId#ord`): deterministic, so a commit retried
 * after a crash overwrites instead of duplicating, and the source of a chunk is read off its id
 * without a row.
 */
import type { ChunkRow, EngramDb } from '../db';

/** The id of the chunk at position `ord` of a source. */
export const chunkId = (sourceId: string, ord: number): string => `${sourceId}#${ord}`;

/** The source a chunk id belongs to: everything before its last `#`. */
export const sourceIdOfChunk = (id: string): string => id.slice(0, id.lastIndexOf('#'));

/** The chunks with these ids that exist, in the order asked. */
export async function chunksById(db: EngramDb, ids: readonly string[]): Promise<ChunkRow[]> {
  return (await db.chunks.bulkGet([...ids])).filter((c) => c !== undefined);
}

export const countChunks = (db: EngramDb): Promise<number> => db.chunks.count();

/** A source's chunks (with their vectors). */
export const chunksOfSource = (db: EngramDb, sourceId: string): Promise<ChunkRow[]> =>
  db.chunks.where('sourceId').equals(sourceId).toArray();
