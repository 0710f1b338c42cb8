/** The popup asks; the question and a pending answer are stored, then the engine answers. */
import { db } from '../shared/db';
import { send } from '../shared/messaging';
import type { RequestOf, ResponseOf } from '../shared/protocol';
import { startExchange, updateMessage } from '../shared/store/conversations';
import { ensureEngine } from './engine-document';

export async function ask(request: RequestOf<'chat/ask'>): Promise<ResponseOf<'chat/ask'>> {
  const exchange = await startExchange(db(), request.question, request.conversationId);
  void (async () => {
    try {
      await ensureEngine();
      await send('engine/answer', { messageId: exchange.messageId });
    } catch (error) {
      // The engine resumes unfinished answers when it starts; say so rather than spin forever.
      await updateMessage(db(), exchange.messageId, {
        progress: 'Starting the engine… your answer will appear here.',
      });
      console.warn('Engram: could not reach the engine yet:', error);
    }
  })();
  return { conversationId: exchange.conversationId, messageId: exchange.messageId };
}
