/**
 * The user's hand on an answer (issue 15): stop it while it is written, or write it again. On the
 * `messages` table, whose rows conversations.ts owns otherwise, as answer-attempts.ts is.
 */
import type { EngramDb, MessageRow } from '../db';

const WORKING: readonly MessageRow['status'][] = ['pending', 'searching', 'generating'];

export const isAnswerWorking = (status: MessageRow['status']): boolean => WORKING.includes(status);

/**
 * Marks an unfinished answer stopped, keeping what was written (and cited) until now; returns
 * whether it was unfinished. Done, it is not resumed when the engine starts again. For an answer
 * no engine is writing (the engine is not running); a running engine stops its own
 * (engine/answer/answer.ts), so that its last write is the stopped one.
 */
export async function markAnswerStopped(
  db: EngramDb,
  messageId: string,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.messages, async () => {
    const message = await db.messages.get(messageId);
    if (message?.role !== 'assistant' || !isAnswerWorking(message.status)) return false;
    await db.messages.update(messageId, {
      status: 'done',
      stopped: true,
      progress: '',
      updatedAt: now,
    });
    return true;
  });
}

/**
 * Makes a finished answer pending again, to be written anew for the same question in the same
 * place of the conversation (Regenerate): its words, citations, model and error go, and its tries
 * count from zero. Returns false for a message that is not a finished answer (one under way is
 * left to finish or be stopped first). The conversation moves to the top: it was just used.
 */
export async function resetAnswer(
  db: EngramDb,
  messageId: string,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.messages, db.conversations, async () => {
    const message = await db.messages.get(messageId);
    if (message?.role !== 'assistant' || !message.replyTo || isAnswerWorking(message.status)) {
      return false;
    }
    // `undefined` removes a field in Dexie's update: the new answer starts with none of these.
    await db.messages.update(messageId, {
      text: '',
      citations: [],
      status: 'pending',
      progress: '',
      stopped: undefined,
      mode: undefined,
      model: undefined,
      error: undefined,
      forgottenSentences: undefined,
      attempts: undefined,
      updatedAt: now,
    });
    await db.conversations.update(message.conversationId, { updatedAt: now });
    return true;
  });
}
