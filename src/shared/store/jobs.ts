/**
 * The `jobs` table: ingest jobs, the durable queue between capture (service worker, stage 1) and
 * indexing (engine, stages 2 and 3). One job per source at most: its id is derived from the
 * source's, so queueing a source again replaces its job instead of adding a second.
 *
 * Attempts are counted before a job runs (index-commit.ts `beginAttempt`): a job that crashes the
 * engine (out of memory, a page that breaks the chunker) leaves its count behind, is taken after
 * the jobs that never failed, and is set aside after MAX_ATTEMPTS instead of running at every start.
 */
import type { EngramDb, JobRow } from '../db';

/** Attempts a job gets before it is set aside (status `failed`; the library offers Retry). */
export const MAX_ATTEMPTS = 3;

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

/**
 * Jobs in the given order, except that those tried before go after those never tried (fewest
 * attempts first, order kept otherwise): a job whose try stopped the engine does not block the
 * jobs behind it at the next start.
 */
export function fewestAttemptsFirst<T extends Pick<JobRow, 'attempts'>>(jobs: readonly T[]): T[] {
  return jobs
    .map((job, i) => ({ job, i }))
    .sort((a, b) => a.job.attempts - b.job.attempts || a.i - b.i)
    .map(({ job }) => job);
}

export async function dropJob(db: EngramDb, id: string): Promise<void> {
  await db.jobs.delete(id);
}
