/**
 * What the user tells Engram in the chat is memory (issue 15): a statement ("my sister's birthday
 * is 12 May") is a source of kind `said`, tied to its conversation and message. Its id hashes the
 * conversation with the text, so the same words said in two conversations are two memories and
 * deleting one conversation forgets only what was said in it (`forgetSaid`).
 */
import { noteTitle } from '../../core/capture/note-command';
import { redactSecrets } from '../../core/privacy/redact';
import { sourceIdFor } from '../../core/text/hash';
import { normalizeText } from '../../core/text/text';
import type { EngramDb } from '../db';
import { deleteSources } from './delete-sources';
import { keep, type StoredCapture } from './sources';

export interface SaidIn {
  conversationId: string;
  messageId: string;
}

/** Keeps a statement said in the chat (stage 1: pending, queued), redacted like a note. */
export async function storeSaid(
  db: EngramDb,
  statement: string,
  said: SaidIn,
  now = Date.now(),
): Promise<StoredCapture> {
  const text = normalizeText(redactSecrets(statement).text);
  if (!text) throw new Error('Nothing was said.');
  return keep(db, {
    id: await sourceIdFor(`${said.conversationId}\n${text}`),
    kind: 'said',
    url: '',
    canonicalUrl: '',
    title: noteTitle(text),
    site: '',
    text,
    extractor: 'said',
    origin: 'chat',
    status: 'pending',
    savedAt: now,
    lastSeenAt: now,
    seenCount: 1,
    outLinks: [],
    said,
  });
}

/**
 * Forgets what was said in one conversation, or in every one (`undefined`): the sources go with
 * all that hangs off them (delete-sources.ts). Returns their ids.
 */
export async function forgetSaid(db: EngramDb, conversationId?: string): Promise<string[]> {
  const ids = await db.sources
    .where('kind')
    .equals('said')
    .filter((s) => conversationId === undefined || s.said?.conversationId === conversationId)
    .primaryKeys();
  return deleteSources(db, ids);
}
