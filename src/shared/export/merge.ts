/**
 * How an imported record joins a memory that may already hold it. Nothing is ever duplicated:
 * ids are the identity (a source's id is the hash of its text, so the same page saved on two
 * devices is one source).
 * - A source already here stays as it is here (its title, its state, its index) and gains the
 *   imported history: the earlier first save, the later last sighting, and both counts of
 *   sightings added (each memory counted its own sightings).
 * - A conversation already here keeps the version updated last; a message already here stays.
 */
import type { ConversationRow, SourceRow } from '../db';

export type SourceHistory = Pick<SourceRow, 'savedAt' | 'lastSeenAt' | 'seenCount'>;

/** The fields of `here` that change when `imported` is merged into it (empty: none). */
export function mergedHistory(
  here: SourceHistory,
  imported: SourceHistory,
): Partial<SourceHistory> {
  const merged: Partial<SourceHistory> = { seenCount: here.seenCount + imported.seenCount };
  if (imported.savedAt < here.savedAt) merged.savedAt = imported.savedAt;
  if (imported.lastSeenAt > here.lastSeenAt) merged.lastSeenAt = imported.lastSeenAt;
  return merged;
}

/** Whether the imported conversation should replace the one here. */
export const importedConversationWins = (here: ConversationRow, imported: ConversationRow) =>
  imported.updatedAt > here.updatedAt;
