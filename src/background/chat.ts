/**
 * The popup asks; the question and a pending answer are stored, then the engine answers.
 * "remember …" is not a question but a note: it is kept at once, with the page open in the
 * composer's tab where the capture policy allows it (note-page.ts), and the chat says so.
 * A statement ("my sister's birthday is 12 May") is kept as memory too (`said`, issue 15) and
 * acknowledged briefly rather than searched: docs/ARCHITECTURE.md says why.
 */
import { noteFrom } from '../core/capture/note-command';
import { isStatement } from '../core/capture/statement';
import { redactSecrets } from '../core/privacy/redact';
import { db } from '../shared/db';
import { errorMessage } from '../shared/dispatch';
import { languageOfText, tIn, type TextLanguage } from '../shared/i18n-in';
import type { RequestOf, ResponseOf } from '../shared/protocol';
import { startExchange, updateMessage, type Exchange } from '../shared/store/conversations';
import { storeSaid } from '../shared/store/said';
import { storeNote } from '../shared/store/sources';
import { isQuotaError } from '../shared/disk-full';
import { onDiskFull } from './disk-watch';
import { sendToEngine, wakeEngine } from './engine-gateway';
import { linkToNotedPage, notePageOf } from './note-page';

export async function ask(request: RequestOf<'chat/ask'>): Promise<ResponseOf<'chat/ask'>> {
  // A secret pasted into the chat is kept nowhere: not in the question, its note, or the echo.
  const question = redactSecrets(request.question).text;
  const exchange = await startExchange(db(), question, request.conversationId);
  const note = noteFrom(question);
  if (note !== undefined) {
    await keepNote(exchange.messageId, note, request.tabId);
  } else if (isStatement(question)) {
    await keepSaid(exchange, question);
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

async function keepNote(messageId: string, note: string, tabId?: number): Promise<void> {
  const words = (stored: { isNew: boolean }) =>
    tIn(languageOfText(note), stored.isNew ? 'chatNoted' : 'chatAlreadyNoted', note);
  await keepThen(messageId, note, async () => {
    const page = await notePageOf(tabId);
    const stored = await storeNote(db(), note, 'chat', Date.now(), page);
    await linkToNotedPage(stored.sourceId, page);
    return words(stored);
  });
}

/** A statement is kept with its conversation; the reply only says it was heard. */
async function keepSaid(exchange: Exchange, statement: string): Promise<void> {
  const { conversationId, questionId: messageId } = exchange;
  await keepThen(exchange.messageId, statement, async () => {
    await storeSaid(db(), statement, { conversationId, messageId });
    return tIn(languageOfText(statement), 'chatSaid');
  });
}

/**
 * Runs `store`, then writes its words as the reply; a failure (a full disk) is the reply, in the
 * language of what the user typed (`typed`).
 */
async function keepThen(messageId: string, typed: string, store: () => Promise<string>) {
  try {
    const text = await store();
    await updateMessage(db(), messageId, { status: 'done', text, progress: '' });
    void wakeEngine();
  } catch (error) {
    const full = isQuotaError(error);
    if (full) await onDiskFull().catch(() => undefined);
    const reason = full ? tIn(languageOfText(typed), 'chatDiskFull') : errorMessage(error);
    // With no room left this write may fail too; the popup shows the disk-full flag either way.
    await updateMessage(db(), messageId, { status: 'error', error: reason });
  }
}
