/**
 * The chat's hand on an answer and its list of conversations (issue 15): stop an answer while it
 * is written, write it again, rename a conversation.
 */
import { noteFrom } from '../core/capture/note-command';
import { db } from '../shared/db';
import { languageOfText } from '../shared/i18n-in';
import type { RequestOf, ResponseOf } from '../shared/protocol';
import { markAnswerStopped, resetAnswer } from '../shared/store/answer-control';
import { renameConversation } from '../shared/store/conversation-list';
import { getMessage, questionOf } from '../shared/store/conversations';
import { answer } from './chat';
import { engineRunning, sendToEngine } from './engine-gateway';

/**
 * A running engine stops its own answer, so that its last write is the stopped one and the
 * generation really ends (engine/answer/answer.ts). With no engine running nobody is writing it:
 * it is marked stopped here, and the engine does not resume it when it starts.
 */
export async function stopAnswer({
  messageId,
}: RequestOf<'chat/stop'>): Promise<ResponseOf<'chat/stop'>> {
  if (await engineRunning()) {
    try {
      return await sendToEngine('engine/stop', { messageId });
    } catch (error) {
      console.warn('Engram: the engine did not take the stop; marking the answer here:', error);
    }
  }
  return { stopped: await markAnswerStopped(db(), messageId) };
}

/**
 * Regenerate writes the answer again in its place rather than adding a second answer after the
 * last turn: the question keeps one answer, which a follow-up and an export read as the answer,
 * and an earlier question is answered in its own place in the conversation, not after the later
 * turns that would change what it means.
 */
export async function regenerateAnswer({
  messageId,
}: RequestOf<'chat/regenerate'>): Promise<ResponseOf<'chat/regenerate'>> {
  const store = db();
  const message = await getMessage(store, messageId);
  const question = message ? ((await questionOf(store, message)) ?? '') : '';
  // "remember …" was kept as a note, not asked: there is no answer to write again.
  if (noteFrom(question) !== undefined) return { regenerating: false };
  if (!(await resetAnswer(store, messageId))) return { regenerating: false };
  void answer(messageId, languageOfText(question));
  return { regenerating: true };
}

export async function rename({
  conversationId,
  title,
}: RequestOf<'conversations/rename'>): Promise<ResponseOf<'conversations/rename'>> {
  return { renamed: await renameConversation(db(), conversationId, title) };
}
