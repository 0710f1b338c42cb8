/**
 * The chat's list of conversations (issue 15): every conversation newest first, the texts of its
 * messages for search as you type, and renaming. Beside conversations.ts, which owns the rows'
 * life (created with the first question, deleted with their messages), as answer-attempts.ts is.
 */
import type { ConversationRow, EngramDb } from '../db';
import { cleanTitle } from '../../core/conversations/conversation-title';

export interface ListedConversation extends ConversationRow {
  /** The texts of its messages, oldest first: what search as you type looks through. */
  texts: string[];
}

/**
 * Every conversation, the one updated last first (the order the popup opens in), with its
 * messages' texts when `withTexts` (search) asks: a few hundred conversations at most, so one read
 * of the messages table is cheaper than an index kept in step with every answer.
 */
export async function listConversations(
  db: EngramDb,
  withTexts: boolean,
): Promise<ListedConversation[]> {
  return db.transaction('r', db.conversations, db.messages, async () => {
    const rows = await db.conversations.orderBy('updatedAt').reverse().toArray();
    const texts = new Map<string, string[]>(rows.map((r) => [r.id, []]));
    if (withTexts) {
      // Oldest first within each conversation: the compound index keeps them so.
      await db.messages.orderBy('[conversationId+createdAt]').each((m) => {
        if (m.text) texts.get(m.conversationId)?.push(m.text);
      });
    }
    return rows.map((row) => ({ ...row, texts: texts.get(row.id) ?? [] }));
  });
}

/**
 * Gives a conversation the title the user typed; returns whether it exists. The time it was
 * updated stays: a rename is not new talk, so it neither moves the conversation to the top of the
 * list nor makes it the one the popup opens on. An empty title is refused (the caller keeps the
 * old one).
 */
export async function renameConversation(
  db: EngramDb,
  id: string,
  title: string,
): Promise<boolean> {
  const clean = cleanTitle(title);
  if (clean === '') throw new Error('A conversation needs a title.');
  return (await db.conversations.update(id, { title: clean })) === 1;
}
