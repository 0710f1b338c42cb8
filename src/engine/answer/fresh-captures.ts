/**
 * A question asked right after a save ("remember …", or the shortcut and then the popup) must not
 * be answered from a memory that has not read that save yet: it said "Your memory is empty so far"
 * with one memory kept. The answerer waits, briefly, for the ingest jobs queued shortly before the
 * question; the indexing pace takes fresh captures first, so a note is usually read within a
 * second or two. Older jobs (an import's thousands) are not waited for: they are not what the
 * user just did, and waiting on them would hold every answer back.
 */
import type { EngramDb } from '../../shared/db';

/** Jobs queued this long before the question count as what the user just saved. */
export const FRESH_MS = 2 * 60_000;
/** The longest an answer waits for them; after that it answers from what is read. */
export const FRESH_WAIT_MS = 15_000;
const POLL_MS = 200;

/** Ids of the ingest jobs still queued that were created within FRESH_MS before `askedAt`. */
export async function freshJobIds(db: EngramDb, askedAt: number): Promise<string[]> {
  return db.jobs
    .where('status')
    .equals('queued')
    .filter((job) => job.createdAt >= askedAt - FRESH_MS && job.createdAt <= askedAt)
    .primaryKeys();
}

/** What the wait found: whether there was anything to wait for, and how much is still unread. */
export interface FreshWait {
  waited: boolean;
  unread: number;
}

/**
 * Waits until the jobs fresh at `askedAt` are done (committed, dropped or set aside), at most
 * `timeoutMs`; calls `onWait` once when there is something to wait for.
 */
export async function waitForFreshCaptures(
  db: EngramDb,
  askedAt: number,
  options: { timeoutMs?: number; signal?: AbortSignal; onWait?: () => Promise<void> } = {},
): Promise<FreshWait> {
  let waiting = await freshJobIds(db, askedAt);
  if (waiting.length === 0) return { waited: false, unread: 0 };
  await options.onWait?.();
  const until = Date.now() + (options.timeoutMs ?? FRESH_WAIT_MS);
  while (waiting.length > 0 && Date.now() < until && !options.signal?.aborted) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const rows = await db.jobs.bulkGet(waiting);
    waiting = waiting.filter((_, i) => rows[i]?.status === 'queued');
  }
  return { waited: true, unread: waiting.length };
}
