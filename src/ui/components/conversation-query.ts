/** The IndexedDB reads behind the chat, written for `useLiveQuery`. */
import { db, type ConversationRow, type MessageRow } from '../../shared/db';
import { getConversation, latestConversation, messagesOf } from '../../shared/store/conversations';
import { modelStates } from '../../shared/store/models';
import { countMemories as countMemoriesIn } from '../../shared/store/source-reads';

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
  const store = db();
  const conversation =
    selection.kind === 'latest'
      ? await latestConversation(store)
      : await getConversation(store, selection.id);
  // A just-created conversation may have its messages before its row: read them by id anyway.
  const id = conversation?.id ?? (selection.kind === 'id' ? selection.id : undefined);
  if (id === undefined) return { conversation, messages: [] };
  return { conversation, messages: await messagesOf(store, id) };
}

export const countMemories = (): Promise<number> => countMemoriesIn(db());

export const loadModels = () => modelStates(db());
