/**
 * A source as the library's list shows it: its row without its text. On its own, free of Dexie,
 * for the page's first read (first-rows.ts).
 */
import type { SourceRow } from '../db';

/** A source as a list row shows it: everything but its text. */
export type SourceSummary = Omit<SourceRow, 'text' | 'selection' | 'read' | 'outLinks'>;

/** The states a source shows: `waiting` and `held` are both `pending`, told apart by the hold. */
export type LibraryState = 'indexed' | 'waiting' | 'held' | 'failed';

export const stateOf = (source: Pick<SourceRow, 'status' | 'heldUntil'>): LibraryState =>
  source.status === 'pending'
    ? source.heldUntil === undefined
      ? 'waiting'
      : 'held'
    : source.status;

export function summaryOf(source: SourceRow): SourceSummary {
  const summary: SourceSummary & Partial<SourceRow> = { ...source };
  delete summary.text;
  delete summary.selection;
  delete summary.read;
  delete summary.outLinks;
  return summary;
}
