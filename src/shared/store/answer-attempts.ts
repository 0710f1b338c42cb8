/**
 * The crash bookkeeping of answers, on the `messages` table (whose rows conversations.ts owns
 * otherwise): the engine resumes unfinished answers at every start, so an answer whose try killed
 * the engine (out of memory in the language model) would be tried at every start, for ever. Each
 * try is counted before it runs, as ingest jobs are (jobs.ts), and the fourth is not made.
 */
import type { EngramDb } from '../db';
import { MAX_ATTEMPTS } from './jobs';

/**
 * Count a try of an assistant message's answer, durably, before it runs. False when it was tried
 * MAX_ATTEMPTS times already (each ended by the engine stopping: a try that throws ends the
 * message as an error itself), or when the message is gone.
 */
export async function beginAnswerAttempt(db: EngramDb, messageId: string): Promise<boolean> {
  return db.transaction('rw', db.messages, async () => {
    const message = await db.messages.get(messageId);
    if (!message) return false;
    const attempts = message.attempts ?? 0;
    if (attempts >= MAX_ATTEMPTS) return false;
    await db.messages.update(messageId, { attempts: attempts + 1 });
    return true;
  });
}
