/**
 * Writes the memory as Engram export lines (records.ts, docs/EXPORT.md), streamed: the database is
 * read a page of rows at a time, each page yielded as one chunk of text for the caller to write
 * (a file stream, Blob parts, a test's array), so 50,000 pages never sit in memory at once.
 *
 * Deterministic: every table in primary-key order, each record built field by field, so the same
 * memory always gives the same lines and only the header's `exportedAt` differs between exports.
 * Each page is read in its own transaction (a transaction cannot stay open across the caller's
 * writes); what changes meanwhile is caught by the end record, which counts what was written.
 */
import type { IndexableType } from 'dexie';
import type { ConversationRow, EngramDb, LinkRow, MessageRow, SourceRow } from '../db';
import { EXPORTED_SETTINGS } from './exported-settings';
import {
  conversationToRecord,
  EXPORTED_LINK_KINDS,
  isExportedLink,
  linkToRecord,
  messageToRecord,
  sourceToRecord,
} from './record-rows';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  emptyCounts,
  type ExportFilter,
  type ExportHeader,
  type RecordCounts,
} from './records';
import { sourcesMatching } from './export-selection';

export interface ExportOptions {
  /** Only these sources and the links between them (absent: everything). */
  filter?: ExportFilter;
  now?: Date;
  /** Rows read per page. */
  pageSize?: number;
  /** Called after each page of sources: sources written so far, and the number expected. */
  onProgress?: (done: number, total: number) => void;
}

const PAGE = 250;
const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

/** Yields the export as chunks of whole lines: the header, the records, the end record. */
export async function* exportLines(
  db: EngramDb,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? PAGE;
  const { filter } = options;
  const ids = filter
    ? await sourcesMatching(db, filter)
    : await db.sources.toCollection().primaryKeys();
  const keep = filter ? new Set(ids) : undefined;
  const settingRows = filter ? [] : await db.settings.bulkGet([...EXPORTED_SETTINGS]);
  const expected: RecordCounts = {
    setting: settingRows.filter(Boolean).length,
    source: ids.length,
    link: filter
      ? 0
      : await db.links
          .where('kind')
          .anyOf([...EXPORTED_LINK_KINDS])
          .count(),
    conversation: filter ? 0 : await db.conversations.count(),
    message: filter ? 0 : await db.messages.count(),
  };
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    counts: expected,
    ...(filter ? { filter } : {}),
  };
  yield line(header);

  const written = emptyCounts();
  const progress = () => options.onProgress?.(written.source, expected.source);

  // Settings by key (EXPORTED_SETTINGS is sorted).
  let chunk = '';
  for (const row of settingRows) {
    if (!row) continue;
    chunk += line({ type: 'setting', key: row.key, value: row.value });
    written.setting++;
  }
  if (chunk) yield chunk;

  // Sources, by id: the ids were read at the start; one that was deleted since is skipped.
  for (let at = 0; at < ids.length; at += pageSize) {
    const rows = await db.sources.bulkGet(ids.slice(at, at + pageSize));
    const present = rows.filter((row): row is SourceRow => row !== undefined);
    written.source += present.length;
    yield present.map((row) => line(sourceToRecord(row))).join('');
    progress();
  }

  // Links, in key order; with a filter, only those between two exported sources.
  for await (const rows of pages<LinkRow, IndexableType>(
    db.links,
    (l) => [l.fromId, l.toId, l.kind],
    pageSize,
  )) {
    // Similar and sitting links are derived by indexing: the importing profile derives its own.
    const exported = rows.filter(isExportedLink);
    const chosen = keep ? exported.filter((l) => keep.has(l.fromId) && keep.has(l.toId)) : exported;
    written.link += chosen.length;
    if (chosen.length > 0) yield chosen.map((row) => line(linkToRecord(row))).join('');
  }
  progress();

  // Conversations and messages (whole memory only: they quote many sources).
  if (!filter) {
    for await (const rows of pages<ConversationRow, string>(
      db.conversations,
      (c) => c.id,
      pageSize,
    )) {
      written.conversation += rows.length;
      yield rows.map((row) => line(conversationToRecord(row))).join('');
    }
    for await (const rows of pages<MessageRow, string>(db.messages, (m) => m.id, pageSize)) {
      written.message += rows.length;
      yield rows.map((row) => line(messageToRecord(row))).join('');
      progress();
    }
  }
  progress();
  yield line({ type: 'end', counts: written });
}

/** The part of a Dexie table that paging uses (Dexie's own types do not unify across tables). */
interface Pageable<Row> {
  orderBy(index: ':id'): { limit(n: number): { toArray(): Promise<Row[]> } };
  where(index: ':id'): {
    above(key: IndexableType): { limit(n: number): { toArray(): Promise<Row[]> } };
  };
}

/** A table's rows in primary-key order, a page at a time, each page its own short read. */
async function* pages<Row, Key extends IndexableType>(
  table: Pageable<Row>,
  keyOf: (row: Row) => Key,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let rows = await table.orderBy(':id').limit(pageSize).toArray();
  while (rows.length > 0) {
    yield rows;
    if (rows.length < pageSize) return;
    rows = await table
      .where(':id')
      .above(keyOf(rows[rows.length - 1]!))
      .limit(pageSize)
      .toArray();
  }
}
