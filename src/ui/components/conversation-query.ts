/** The IndexedDB reads behind the chat, written for `useLiveQuery`. */
import Dexie from 'dexie';
import { db, type ConversationRow, type MessageRow } from '../../shared/db';

/**
 * Which conversation the chat shows: the most recently updated one (what the popup opens on, so
 * closing it mid-answer loses nothing), a blank new chat, or a conversation by id.
 */
export type Selection = { kind: 'latest' } | { kind: 'new' } | { kind: 'id'; id: string };

export interface ConversationView {
  conversation: ConversationRow | undefined;
  messages: MessageRow[];
}

export async function loadConversation(selection: Selection): Promise<ConversationView> {
  if (selection.kind === 'new') return { conversation: undefined, messages: [] };
  const conversation =
    selection.kind === 'latest'
      ? await db().conversations.orderBy('updatedAt').last()
      : await db().conversations.get(selection.id);
  // A just-created conversation may have its messages before its row: read them by id anyway.
  const id = conversation?.id ?? (selection.kind === 'id' ? selection.id : undefined);
  if (id === undefined) return { conversation, messages: [] };
  const messages = await db()
    .messages.where('[conversationId+createdAt]')
    .between([id, Dexie.minKey], [id, Dexie.maxKey])
    .toArray();
  return { conversation, messages };
}

export const countMemories = (): Promise<number> => db().sources.count();

export const loadModels = () => db().models.toArray();
