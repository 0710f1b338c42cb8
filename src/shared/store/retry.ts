/**
 * Retry from the library (issue 12): a source whose indexing failed (its job set aside after
 * too many attempts) goes back to pending with a fresh ingest job, attempts at 0, in one
 * transaction, so the engine's next pass picks it up as if it were just captured.
 */
import type { EngramDb } from '../db';
import { ingestJob } from './jobs';

/**
 * Re-queues a source's indexing; false when there is nothing to retry (the source is gone, or
 * already indexed). A pending source is re-queued too: its job may have been set aside.
 */
export async function retrySource(db: EngramDb, sourceId: string, now = Date.now()) {
  return db.transaction('rw', db.sources, db.jobs, async () => {
    const source = await db.sources.get(sourceId);
    if (!source || source.status === 'indexed') return false;
    await db.sources.update(sourceId, {
      status: 'pending',
      error: undefined,
      errorCode: undefined,
    });
    await db.jobs.put(ingestJob(sourceId, now));
    return true;
  });
}
