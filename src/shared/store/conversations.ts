/**
 * Conversations and their messages. The assistant's message is created as `pending` together with
 * the question, so an answer in progress is always in IndexedDB: a popup closed mid-answer, or an
 * engine restarted mid-answer, loses nothing.
 */
import Dexie from 'dexie';
import type { ConversationRow, EngramDb, MessageRow } from '../db';
import { withoutVanishedSources } from './forget-citations';
import { forgetSaid } from './said';

export interface Exchange {
  conversationId: string;
  questionId: string;
  messageId: string;
}

const TITLE_LENGTH = 80;

export async function startExchange(
  db: EngramDb,
  question: string,
  conversationId?: string,
  now = Date.now(),
): Promise<Exchange> {
  return db.transaction('rw', db.conversations, db.messages, async () => {
    let id = conversationId;
    if (!id || !(await db.conversations.get(id))) {
      id = crypto.randomUUID();
      await db.conversations.add({
        id,
        title: [...question].slice(0, TITLE_LENGTH).join(''),
        createdAt: now,
        updatedAt: now,
      });
    } else {
      await db.conversations.update(id, { updatedAt: now });
    }
    const questionId = crypto.randomUUID();
    const messageId = crypto.randomUUID();
    const base = { conversationId: id, citations: [], updatedAt: now };
    await db.messages.bulkAdd([
      { ...base, id: questionId, role: 'user', text: question, status: 'done', createdAt: now },
      {
        ...base,
        id: messageId,
        role: 'assistant',
        text: '',
        replyTo: questionId,
        status: 'pending',
        // Empty: nothing under way yet, which the chat words itself ("Searching your memory…"),
        // in the reader's language; stored words would stay in the language of the moment.
        progress: '',
        // One millisecond later, so ordering by time is stable.
        createdAt: now + 1,
      },
    ]);
    return { conversationId: id, questionId, messageId };
  });
}

export type MessagePatch = Partial<
  Pick<
    MessageRow,
    | 'text'
    | 'status'
    | 'progress'
    | 'citations'
    | 'mode'
    | 'model'
    | 'error'
    | 'searched'
    | 'stopped'
  >
>;

export async function updateMessage(
  db: EngramDb,
  id: string,
  patch: MessagePatch,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.messages, db.conversations, db.sources, async () => {
    const message = await db.messages.get(id);
    if (!message) return;
    // An answer never stores what a forget that raced with it removed (issue 12).
    const next = { ...message, ...patch };
    const fixed =
      patch.text !== undefined || patch.citations !== undefined
        ? await withoutVanishedSources(db, next)
        : undefined;
    await db.messages.update(id, { ...patch, ...fixed, updatedAt: now });
    await db.conversations.update(message.conversationId, { updatedAt: now });
  });
}

/** Assistant messages that were being answered when the engine last stopped. */
export async function unfinishedAnswers(db: EngramDb): Promise<MessageRow[]> {
  return db.messages.where('status').anyOf(['pending', 'searching', 'generating']).toArray();
}

/** The question an assistant message answers. */
export async function questionOf(db: EngramDb, message: MessageRow): Promise<string | undefined> {
  if (!message.replyTo) return undefined;
  return (await db.messages.get(message.replyTo))?.text;
}

/** One question of a conversation and the answer to it, if there is one. */
export interface Exchanged {
  question: MessageRow;
  answer?: MessageRow;
}

/**
 * The exchanges of `message`'s conversation before the question it answers, oldest first, at
 * most `limit` of the latest: what a follow-up is read against (issue 15).
 */
export async function exchangesBefore(
  db: EngramDb,
  message: MessageRow,
  limit: number,
): Promise<Exchanged[]> {
  const question = message.replyTo ? await db.messages.get(message.replyTo) : undefined;
  if (!question) return [];
  const earlier = await db.messages
    .where('[conversationId+createdAt]')
    .between([message.conversationId, Dexie.minKey], [message.conversationId, question.createdAt])
    .toArray();
  const answers = new Map(earlier.filter((m) => m.replyTo).map((m) => [m.replyTo, m]));
  return earlier
    .filter((m) => m.role === 'user' && m.id !== question.id)
    .slice(-limit)
    .map((q) => {
      const answer = answers.get(q.id);
      return answer ? { question: q, answer } : { question: q };
    });
}

export const getMessage = (db: EngramDb, id: string): Promise<MessageRow | undefined> =>
  db.messages.get(id);

export const getConversation = (db: EngramDb, id: string): Promise<ConversationRow | undefined> =>
  db.conversations.get(id);

/** The conversation updated last (where the popup opens), if any. */
export const latestConversation = (db: EngramDb): Promise<ConversationRow | undefined> =>
  db.conversations.orderBy('updatedAt').last();

/** A conversation's messages, oldest first. */
export const messagesOf = (db: EngramDb, conversationId: string): Promise<MessageRow[]> =>
  db.messages
    .where('[conversationId+createdAt]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .toArray();

/**
 * Deletes a conversation and its messages (the questions, the answers and the passages they
 * quoted) and what the user said in it (kept as `said` sources, issue 15: forgotten first, so a
 * crash between the two leaves the conversation to delete again); returns whether it existed.
 * An answer still being written for it stops leaving a trace: `updateMessage` does nothing once
 * the message is gone.
 */
export async function deleteConversation(db: EngramDb, id: string): Promise<boolean> {
  await forgetSaid(db, id);
  return db.transaction('rw', db.conversations, db.messages, async () => {
    const existed = (await db.conversations.get(id)) !== undefined;
    await db.messages
      .where('[conversationId+createdAt]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey])
      .delete();
    await db.conversations.delete(id);
    return existed;
  });
}

/**
 * Deletes every conversation and message, and everything said in them; returns how many
 * conversations there were.
 */
export async function deleteAllConversations(db: EngramDb): Promise<number> {
  await forgetSaid(db);
  return db.transaction('rw', db.conversations, db.messages, async () => {
    const count = await db.conversations.count();
    await db.messages.clear();
    await db.conversations.clear();
    return count;
  });
}
