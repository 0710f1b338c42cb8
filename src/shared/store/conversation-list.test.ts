import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { EngramDb } from '../db';
import { conversationToRecord } from '../export/record-rows';
import { isAnswerWorking, markAnswerStopped, resetAnswer } from './answer-control';
import { listConversations, renameConversation } from './conversation-list';
import { startExchange, updateMessage } from './conversations';

let db: EngramDb;
beforeEach(() => {
  db = new EngramDb(`conversation-list-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

test('conversations are listed newest first, with their texts only when asked', async () => {
  const old = await startExchange(db, 'Old question', undefined, 1_000);
  await updateMessage(db, old.messageId, { status: 'done', text: 'Old answer.' }, 1_500);
  const recent = await startExchange(db, 'Recent question', undefined, 2_000);
  const listed = await listConversations(db, true);
  expect(listed.map((c) => c.id)).toEqual([recent.conversationId, old.conversationId]);
  expect(listed[1]?.texts).toEqual(['Old question', 'Old answer.']);
  expect(listed[0]?.texts).toEqual(['Recent question']);
  expect((await listConversations(db, false))[1]?.texts).toEqual([]);
});

test('a rename keeps the title cleaned, keeps the time, and is exported', async () => {
  const { conversationId } = await startExchange(db, 'What about batteries?', undefined, 1_000);
  expect(await renameConversation(db, conversationId, '  Battery\nresearch ')).toBe(true);
  const row = await db.conversations.get(conversationId);
  expect(row).toMatchObject({ title: 'Battery research', updatedAt: 1_000 });
  expect(conversationToRecord(row!)).toMatchObject({ title: 'Battery research' });
  await expect(renameConversation(db, conversationId, ' \n ')).rejects.toThrow();
  expect(await renameConversation(db, 'missing', 'Title')).toBe(false);
});

test('stopping keeps the words written so far and ends the answer', async () => {
  const { messageId, questionId } = await startExchange(db, 'Question', undefined, 1_000);
  await updateMessage(db, messageId, { status: 'generating', text: 'Half an ans' }, 1_100);
  expect(await markAnswerStopped(db, messageId, 1_200)).toBe(true);
  expect(await db.messages.get(messageId)).toMatchObject({
    status: 'done',
    stopped: true,
    text: 'Half an ans',
    progress: '',
  });
  // A finished answer, or a question, is not stopped again.
  expect(await markAnswerStopped(db, messageId)).toBe(false);
  expect(await markAnswerStopped(db, questionId)).toBe(false);
});

test('a finished answer is reset to pending for Regenerate; one under way is not', async () => {
  const { messageId, conversationId } = await startExchange(db, 'Question', undefined, 1_000);
  expect(await resetAnswer(db, messageId)).toBe(false);
  await updateMessage(db, messageId, { status: 'generating', text: 'Some' }, 1_100);
  await markAnswerStopped(db, messageId, 1_200);
  await db.messages.update(messageId, { mode: 'generated', model: 'm', attempts: 1 });
  expect(await resetAnswer(db, messageId, 5_000)).toBe(true);
  const reset = await db.messages.get(messageId);
  expect(reset).toMatchObject({ status: 'pending', text: '', citations: [], progress: '' });
  expect(reset && isAnswerWorking(reset.status)).toBe(true);
  for (const gone of ['stopped', 'mode', 'model', 'attempts'] as const) {
    expect(reset).not.toHaveProperty(gone);
  }
  expect((await db.conversations.get(conversationId))?.updatedAt).toBe(5_000);
});
