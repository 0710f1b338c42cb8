import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../db';
import {
  deleteAllConversations,
  deleteConversation,
  startExchange,
  updateMessage,
} from './conversations';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`conversations-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('deleting a conversation takes its messages and leaves the others', async () => {
  const first = await startExchange(db, 'First question');
  await startExchange(db, 'Follow-up', first.conversationId, Date.now() + 10);
  const second = await startExchange(db, 'Another conversation');
  expect(await db.messages.count()).toBe(6);

  expect(await deleteConversation(db, first.conversationId)).toBe(true);
  expect(await db.conversations.toArray()).toEqual([
    expect.objectContaining({ id: second.conversationId }),
  ]);
  expect(
    (await db.messages.toArray()).every((m) => m.conversationId === second.conversationId),
  ).toBe(true);
  expect(await db.messages.count()).toBe(2);
  expect(await deleteConversation(db, first.conversationId)).toBe(false);
});

test('an answer still being written to a deleted conversation leaves no trace', async () => {
  const { conversationId, messageId } = await startExchange(db, 'Question');
  await deleteConversation(db, conversationId);
  await updateMessage(db, messageId, { status: 'done', text: 'A late answer.' });
  expect(await db.messages.count()).toBe(0);
  expect(await db.conversations.count()).toBe(0);
});

test('deleting all conversations empties both tables and counts them', async () => {
  await startExchange(db, 'One');
  await startExchange(db, 'Two');
  expect(await deleteAllConversations(db)).toBe(2);
  expect(await db.conversations.count()).toBe(0);
  expect(await db.messages.count()).toBe(0);
  expect(await deleteAllConversations(db)).toBe(0);
});
