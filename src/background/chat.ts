/**
 * The popup asks; the question and a pending answer are stored, then the engine answers.
 * "remember …" is not a question but a note: it is kept at once and the chat says so.
 */
import { noteFrom } from '../core/capture/note-command';
import { redactSecrets } from '../core/privacy/redact';
import { db } from '../shared/db';
import { errorMessage } from '../shared/dispatch';
import { languageOfText, tIn, type TextLanguage } from '../shared/i18n-in';
import type { RequestOf, ResponseOf } from '../shared/protocol';
import { startExchange, updateMessage } from '../shared/store/conversations';
import { storeNote } from '../shared/store/sources';
import { isQuotaError } from '../shared/disk-full';
import { onDiskFull } from './disk-watch';
import { sendToEngine, wakeEngine } from './engine-gateway';

export async function ask(request: RequestOf<'chat/ask'>): Promise<ResponseOf<'chat/ask'>> {
  // A secret pasted into the chat is kept nowhere: not in the question, its note, or the echo.
  const question = redactSecrets(request.question).text;
  const exchange = await startExchange(db(), question, request.conversationId);
  const note = noteFrom(question);
  if (note !== undefined) {
    await keepNote(exchange.messageId, note);
  } else {
    void answer(exchange.messageId, languageOfText(request.question));
  }
  return { conversationId: exchange.conversationId, messageId: exchange.messageId };
}

/**
 * Hand an answer to the engine. `language`: the question's, which the reply and its progress
 * words are in. Also Regenerate's (answer-control.ts).
 */
export async function answer(messageId: string, language: TextLanguage): Promise<void> {
  try {
    await sendToEngine('engine/answer', { messageId });
  } catch (error) {
    // The engine resumes unfinished answers when it starts; say so rather than spin forever.
    await updateMessage(db(), messageId, {
      progress: tIn(language, 'chatStartingEngine'),
    });
    console.warn('Engram: could not reach the engine yet:', error);
  }
}

async function keepNote(messageId: string, note: string): Promise<void> {
  try {
    const stored = await storeNote(db(), note, 'chat');
    const text = tIn(languageOfText(note), stored.isNew ? 'chatNoted' : 'chatAlreadyNoted', note);
    await updateMessage(db(), messageId, { status: 'done', text, progress: '' });
    void wakeEngine();
  } catch (error) {
    const full = isQuotaError(error);
    if (full) await onDiskFull().catch(() => undefined);
    const words = full ? tIn(languageOfText(note), 'chatDiskFull') : errorMessage(error);
    // With no room left this write may fail too; the popup shows the disk-full flag either way.
    await updateMessage(db(), messageId, { status: 'error', error: words });
  }
}
