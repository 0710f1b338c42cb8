/**
 * The `jobs` table: ingest jobs, the durable queue between capture (service worker, stage 1) and
 * indexing (engine, stages 2 and 3). One job per source at most: its id is derived from the
 * source's, so queueing a source again replaces its job instead of adding a second.
 */
import type { EngramDb, JobRow } from '../db';

/** The id of a source's ingest job. */
export const ingestJobId = (sourceId: string): string => `ingest:${sourceId}`;

/** A fresh queued ingest job for a source. */
export const ingestJob = (sourceId: string, now: number): JobRow => ({
  id: ingestJobId(sourceId),
  kind: 'ingest',
  sourceId,
  status: 'queued',
  attempts: 0,
  createdAt: now,
});

/** The queued jobs, oldest first. */
export const queuedJobs = (db: EngramDb): Promise<JobRow[]> =>
  db.jobs.where('status').equals('queued').sortBy('createdAt');

export const countQueuedJobs = (db: EngramDb): Promise<number> =>
  db.jobs.where('status').equals('queued').count();

export async function dropJob(db: EngramDb, id: string): Promise<void> {
  await db.jobs.delete(id);
}
