/**
 * `conversations/delete` (issue 12): the chat deletes the conversation on screen, the settings
 * page every conversation. The rows live in IndexedDB only, so deleting them is the whole job.
 */
import { db } from '../shared/db';
import type { RequestOf, ResponseOf } from '../shared/protocol';
import { deleteAllConversations, deleteConversation } from '../shared/store/conversations';

export async function deleteConversations(
  request: RequestOf<'conversations/delete'>,
): Promise<ResponseOf<'conversations/delete'>> {
  if ('all' in request) return { deleted: await deleteAllConversations(db()) };
  return { deleted: (await deleteConversation(db(), request.conversationId)) ? 1 : 0 };
}
