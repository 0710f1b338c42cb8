/**
 * Writes of the library's item page (issue 12): a new title, and a note about a source. A note is
 * a source of kind `note` (searchable and cited like any other, listed in the library) joined to
 * the source by a `note` link, rather than a field on the row: that way it is indexed, exported
 * and forgotten by the paths every source takes.
 */
import { redactSecrets } from '../../core/privacy/redact';
import type { EngramDb } from '../db';
import { storeNote, type StoredCapture } from './sources';

const MAX_TITLE = 2_000;

/**
 * Renames a source; false when it is gone. The title is part of what search matches, so the
 * index log tells the engine's indexes to re-read the source (as a commit does).
 */
export async function retitleSource(db: EngramDb, sourceId: string, title: string) {
  const clean = redactSecrets(title.replace(/\s+/g, ' ').trim()).text.slice(0, MAX_TITLE);
  if (!clean) return false;
  return db.transaction('rw', db.sources, db.indexLog, async () => {
    const updated = await db.sources.update(sourceId, { title: clean });
    if (updated === 0) return false;
    await db.indexLog.add({ sourceId });
    return true;
  });
}

/** Keeps a note about a source (stage 1: pending, queued) and links it to the source. */
export async function addNote(
  db: EngramDb,
  sourceId: string,
  text: string,
  now = Date.now(),
): Promise<StoredCapture> {
  if (!(await db.sources.get(sourceId))) throw new Error('The source is no longer in memory.');
  const note = await storeNote(db, text, 'library', now);
  if (note.sourceId !== sourceId) {
    await db.links.put({ fromId: note.sourceId, toId: sourceId, kind: 'note' });
  }
  return note;
}
