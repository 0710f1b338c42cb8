/**
 * The library page's requests to the service worker (issue 12): retry a failed source and keep a
 * note about one. Both write the durable queue first, then wake the engine to index.
 */
import { db } from '../shared/db';
import type { RequestOf, ResponseOf } from '../shared/protocol';
import { addNote } from '../shared/store/library-writes';
import { retrySource } from '../shared/store/retry';
import { wakeEngine } from './engine-gateway';

export async function retry({
  sourceId,
}: RequestOf<'source/retry'>): Promise<ResponseOf<'source/retry'>> {
  const queued = await retrySource(db(), sourceId);
  if (queued) void wakeEngine();
  return { queued };
}

export async function noteOn({
  sourceId,
  text,
}: RequestOf<'source/note'>): Promise<ResponseOf<'source/note'>> {
  const note = await addNote(db(), sourceId, text);
  void wakeEngine();
  return { noteId: note.sourceId };
}
