/**
 * Reads of the library page (issue 12): the keys of every source newest first (ids and save times
 * from the `savedAt` index, never the rows with their text), the id sets its filters need from
 * the other indexes, a window of rows, and what an item's page shows around a source.
 */
import { startOfLocalDay } from '../../core/library/day-groups';
import type { OrderedKeys } from '../../core/library/filters';
import type { ConversationRow, EngramDb, LinkKind, SourceKind, SourceRow } from '../db';
import { linksFrom } from './graph';
import { stateOf, summaryOf, type LibraryState, type SourceSummary } from './source-summary';

export { stateOf, summaryOf, type LibraryState, type SourceSummary } from './source-summary';

/**
 * Every source's id saved at or after `from`, newest first, with a time on its day (the day's
 * newest save time: enough to place day headings). Read day by day from the `savedAt` index: a key
 * cursor steps once per day (newest first, jumping to the day before), and each day's ids come in
 * one `getAllKeys`. A cursor step per source costs seconds at 100,000 sources; this costs a
 * step per day. Raw IndexedDB, as Dexie has no cursor jump nor index `getAllKeys` of a range.
 */
export async function libraryKeys(db: EngramDb, from = -Infinity): Promise<OrderedKeys> {
  if (!db.isOpen()) await db.open();
  const index = db
    .backendDB()
    .transaction('sources', 'readonly')
    .objectStore('sources')
    .index('savedAt');
  const lower = Number.isFinite(from) ? IDBKeyRange.lowerBound(from) : null;
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB read failed'));
    });
  const days = await new Promise<Array<{ at: number; start: number }>>((resolve, reject) => {
    const found: Array<{ at: number; start: number }> = [];
    const cursor = index.openKeyCursor(lower, 'prev');
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB read failed'));
    cursor.onsuccess = () => {
      const at = cursor.result ? Number(cursor.result.key) : NaN;
      if (!cursor.result || !Number.isFinite(at)) return resolve(found);
      const start = Math.max(startOfLocalDay(at), from);
      found.push({ at, start });
      if (start === from) return resolve(found);
      cursor.result.continue(start - 0.5);
    };
  });
  const perDay = await Promise.all(
    days.map(({ at, start }) => request(index.getAllKeys(IDBKeyRange.bound(start, at)))),
  );
  const ids: string[] = [];
  const times: number[] = [];
  perDay.forEach((keys, day) => {
    const at = days[day]?.at ?? 0;
    for (let i = keys.length - 1; i >= 0; i--) {
      ids.push(keys[i] as string);
      times.push(at);
    }
  });
  return { ids, times };
}

/** Whether anything is kept: one key read, where a count walks every row. */
export const anyKept = async (db: EngramDb): Promise<boolean> =>
  (await db.sources.limit(1).primaryKeys()).length > 0;

/** The ids of the sources of these kinds (the `kind` index). */
export async function idsOfKinds(db: EngramDb, kinds: readonly SourceKind[]): Promise<Set<string>> {
  return new Set(
    await db.sources
      .where('kind')
      .anyOf([...kinds])
      .primaryKeys(),
  );
}

/**
 * What the library's kind filter offers: a source kind, or a page told apart by how its text was
 * found (a PDF, a video's transcript), which stays a page everywhere else (search, export).
 */
export type LibraryKind = SourceKind | 'pdf' | 'transcript';

/** The extractor (SourceRow.extractor) that makes a page a PDF or a transcript in the library. */
export const KIND_EXTRACTORS: Readonly<Record<'pdf' | 'transcript', string>> = {
  pdf: 'pdf',
  transcript: 'youtube-transcript',
};

/** The ids of the sources whose text one of these extractors found (the `extractor` index). */
export async function idsOfExtractors(
  db: EngramDb,
  extractors: readonly string[],
): Promise<Set<string>> {
  // One exact lookup per value rather than `anyOf`, whose cursor may walk the whole index
  // (fake-indexeddb does): every readability page, for a handful of PDFs (as graph-write.ts).
  const found = await Promise.all(
    extractors.map((extractor) => db.sources.where('extractor').equals(extractor).primaryKeys()),
  );
  return new Set(found.flat());
}

/** The ids the library's kind filter shows for `kind`. */
export const idsOfLibraryKind = (db: EngramDb, kind: LibraryKind): Promise<Set<string>> =>
  kind === 'pdf' || kind === 'transcript'
    ? idsOfExtractors(db, [KIND_EXTRACTORS[kind]])
    : idsOfKinds(db, [kind]);

/** The ids of the sources kept from this site, exactly as stored (the `site` index). */
export async function idsOfSite(db: EngramDb, site: string): Promise<Set<string>> {
  return new Set(await db.sources.where('site').equals(site).primaryKeys());
}

/**
 * The ids of the sources in a state (the `status` index). Pending sources are few (work not yet
 * done), so telling held ones from waiting ones reads their rows.
 */
export async function idsInState(db: EngramDb, state: LibraryState): Promise<Set<string>> {
  if (state === 'indexed' || state === 'failed') {
    return new Set(await db.sources.where('status').equals(state).primaryKeys());
  }
  const ids = new Set<string>();
  await db.sources
    .where('status')
    .equals('pending')
    .each((source) => {
      if (stateOf(source) === state) ids.add(source.id);
    });
  return ids;
}

/** The rows of these ids, text left out, in their order (a deleted one is skipped). */
export async function summariesOf(db: EngramDb, ids: readonly string[]): Promise<SourceSummary[]> {
  const rows = await db.sources.bulkGet([...ids]);
  return rows.filter((row) => row !== undefined).map(summaryOf);
}

/** The ids of the sources saved in [from, to): what "forget the last hour" deletes. */
export const idsSavedBetween = (db: EngramDb, from: number, to = Infinity): Promise<string[]> =>
  to === Infinity
    ? db.sources.where('savedAt').aboveOrEqual(from).primaryKeys()
    : db.sources.where('savedAt').between(from, to, true, false).primaryKeys();

export interface LinkedSource {
  kind: LinkKind;
  source: SourceSummary;
  /** The note's text, for a note linked to the source (shown whole on the item's page). */
  text?: string;
}

/** What links to a source and what it links to, with the other end's row. */
export async function linksAround(
  db: EngramDb,
  sourceId: string,
): Promise<{ from: LinkedSource[]; to: LinkedSource[] }> {
  const [outgoing, incoming] = await Promise.all([
    linksFrom(db, sourceId).toArray(),
    db.links.where('toId').equals(sourceId).toArray(),
  ]);
  const ends = await db.sources.bulkGet([
    ...outgoing.map((l) => l.toId),
    ...incoming.map((l) => l.fromId),
  ]);
  const linked = (kind: LinkKind, row: SourceRow | undefined): LinkedSource[] =>
    row
      ? [{ kind, source: summaryOf(row), ...(row.kind === 'note' ? { text: row.text } : {}) }]
      : [];
  return {
    to: outgoing.flatMap((link, i) => linked(link.kind, ends[i])),
    from: incoming.flatMap((link, i) => linked(link.kind, ends[outgoing.length + i])),
  };
}

/**
 * The conversations whose answers cite a source, most recent first. Citations are not indexed
 * (an index on a nested array of objects is not possible): the messages are read once, which is
 * cheap next to the sources (a person's conversations number in the hundreds or thousands).
 */
export async function conversationsCiting(
  db: EngramDb,
  sourceId: string,
): Promise<ConversationRow[]> {
  const ids = new Set<string>();
  await db.messages.each((message) => {
    if (message.citations.some((c) => c.sourceId === sourceId)) ids.add(message.conversationId);
  });
  const rows = await db.conversations.bulkGet([...ids]);
  return rows
    .filter((row): row is ConversationRow => row !== undefined)
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
