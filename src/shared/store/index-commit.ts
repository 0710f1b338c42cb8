/**
 * Stage 3 of the durable capture pipeline: one transaction writes a source's chunks, their
 * vectors and its graph rows (graph-write.ts), marks the source indexed and removes its job. Chunk ids are
 * deterministic (chunks.ts: `sourceId#ord`), so a commit retried after a crash overwrites instead of
 * duplicating; if the transaction never commits, the job is still queued and runs again.
 */
import type { ChunkRow, EngramDb, IndexFailure, LinkRow, SourceRow } from '../db';
import { placeVector } from './chunk-vectors';
import { writeSourceGraph, type NamedEntity, type SourceGraphInput } from './graph-write';
import { ingestJobId, MAX_ATTEMPTS } from './jobs';

export interface IndexedSource {
  source: SourceRow;
  chunks: ChunkRow[];
  /** What indexing found for the knowledge graph; absent: only the site and hyperlinks. */
  graph?: SourceGraphInput;
}

/** Hyperlinks to and from saved pages: the source's out-links, and the pages that link to it. */
async function hyperlinksFor(db: EngramDb, source: SourceRow): Promise<LinkRow[]> {
  const links: LinkRow[] = [];
  if (source.outLinks.length > 0) {
    const targets = await db.sources.where('canonicalUrl').anyOf(source.outLinks).primaryKeys();
    for (const toId of targets) {
      if (toId !== source.id) links.push({ fromId: source.id, toId, kind: 'hyperlink' });
    }
  }
  if (source.kind === 'page') {
    const linkers = await db.sources.where('outLinks').equals(source.canonicalUrl).primaryKeys();
    for (const fromId of linkers) {
      if (fromId !== source.id) links.push({ fromId, toId: source.id, kind: 'hyperlink' });
    }
  }
  return links;
}

/**
 * Commits a source's chunks and its part of the graph; false when the source was deleted
 * meanwhile (it stays deleted), else the entities the known-name matcher should learn. The
 * index-log entry in the same transaction tells the search indexes to pick the change up.
 */
export async function commitSource(
  db: EngramDb,
  { source, chunks, graph }: IndexedSource,
): Promise<false | { named: NamedEntity[] }> {
  const links = await hyperlinksFor(db, source);
  return db.transaction(
    'rw',
    [
      db.sources,
      db.chunks,
      db.entities,
      db.mentions,
      db.entityEdges,
      db.links,
      db.jobs,
      db.indexLog,
    ],
    async () => {
      if ((await db.sources.where('id').equals(source.id).count()) === 0) return false as const;
      await db.chunks.where('sourceId').equals(source.id).delete();
      await db.chunks.bulkPut(chunks);
      const named = await writeSourceGraph(db, source, graph);
      await db.links.bulkPut(links);
      await db.sources.update(source.id, {
        status: 'indexed',
        error: undefined,
        errorCode: undefined,
      });
      await db.jobs.delete(ingestJobId(source.id));
      await db.indexLog.add({ sourceId: source.id });
      return { named };
    },
  );
}

/** Commits a source's chunks (and graph); false when the source was deleted meanwhile. */
export async function commitIndexed(db: EngramDb, indexed: IndexedSource): Promise<boolean> {
  return (await commitSource(db, indexed)) !== false;
}

/**
 * Stores vectors made after their chunks were committed (backfill, re-embedding), with an
 * index-log entry per source so the persisted dense indexes pick them up. Chunks deleted meanwhile
 * are skipped. `keep`: the other model whose vectors must survive (chunk-vectors.ts).
 */
export async function commitVectors(
  db: EngramDb,
  vectors: ReadonlyArray<{ chunkId: string; vector: Int8Array; scale: number; model: string }>,
  keep?: string,
): Promise<void> {
  await db.transaction('rw', db.chunks, db.indexLog, async () => {
    const bySource = new Map<string, string[]>();
    for (const { chunkId, vector, scale, model } of vectors) {
      const chunk = await db.chunks.get(chunkId);
      if (!chunk) continue;
      await db.chunks.update(chunkId, placeVector(chunk, { vector, scale, model }, keep));
      const ids = bySource.get(chunk.sourceId);
      if (ids) ids.push(chunkId);
      else bySource.set(chunk.sourceId, [chunkId]);
    }
    await db.indexLog.bulkAdd(
      [...bySource].map(([sourceId, chunkIds]) => ({ sourceId, chunkIds })),
    );
  });
}

/**
 * Count an attempt of a queued job before it runs, durably: if the engine dies during it, the
 * count stays. A job already tried MAX_ATTEMPTS times, the last of them ended by the engine
 * stopping (a last attempt that threw is set aside by `recordFailure`), is set aside instead: job
 * and source `failed` with `engine-stopped`. Returns the attempt's number, or undefined when the job
 * must not run (set aside, gone, or no longer queued).
 */
export async function beginAttempt(
  db: EngramDb,
  jobId: string,
  now = Date.now(),
): Promise<number | undefined> {
  return db.transaction('rw', db.sources, db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (job?.status !== 'queued') return undefined;
    if (job.attempts >= MAX_ATTEMPTS) {
      await setAside(db, job.id, job.sourceId, 'engine-stopped', job.error);
      return undefined;
    }
    const attempts = job.attempts + 1;
    await db.jobs.update(job.id, { attempts, startedAt: now });
    return attempts;
  });
}

/**
 * An attempt stopped by a full disk was no fault of the job: its count is taken back, so waiting
 * for space never sets a job aside. A small update of a row that exists; if even it is refused,
 * the attempt stays counted (the worst case: one try fewer later).
 */
export async function giveBackAttempt(db: EngramDb, jobId: string): Promise<void> {
  await db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (job && job.attempts > 0) await db.jobs.update(jobId, { attempts: job.attempts - 1 });
  });
}

/**
 * An attempt threw (the attempt itself was counted by `beginAttempt`): the job stays queued with
 * the message until its attempts are spent, then job and source are marked failed with `error`.
 */
export async function recordFailure(db: EngramDb, sourceId: string, error: string): Promise<void> {
  await db.transaction('rw', db.sources, db.jobs, async () => {
    const job = await db.jobs.get(ingestJobId(sourceId));
    if (!job) return;
    if (job.attempts >= MAX_ATTEMPTS) await setAside(db, job.id, sourceId, 'error', error);
    else await db.jobs.update(job.id, { error });
  });
}

async function setAside(
  db: EngramDb,
  jobId: string,
  sourceId: string,
  errorCode: IndexFailure,
  error: string | undefined,
): Promise<void> {
  await db.jobs.update(jobId, { status: 'failed', errorCode, error });
  await db.sources.update(sourceId, { status: 'failed', errorCode, error });
}
