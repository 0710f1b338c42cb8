/**
 * The records of an export file, parsed and checked line by line as the file streams past:
 * the header first, every line a valid record (zod, records.ts) in its place, links and messages
 * naming what the file holds, and the end record's counts equal to what was read. The first
 * problem throws an `ImportError` naming its line. Both passes of the import read the file
 * through this, so the second pass sees exactly the records the first one accepted.
 */
import type { z } from 'zod';
import { isExportedSetting, settingProblem } from './exported-settings';
import { ImportError } from './import-error';
import { readLines, type ByteCounter } from './line-reader';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  RECORD_ORDER,
  emptyCounts,
  exportHeader,
  exportRecord,
  type ExportHeader,
  type ExportRecord,
} from './records';

/** A record can hold 4 MB of text, escaped (up to 6 characters each for control characters). */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

export type BodyRecord = Exclude<ExportRecord, { type: 'end' }>;

export interface ImportLinesOptions {
  onBytes?: ByteCounter;
  /** Called with the header once it is read. */
  onHeader?: (header: ExportHeader) => void;
  maxLineChars?: number;
}

/** Yields each record after the header, checked; returns once the end record checks out. */
export async function* importLines(
  stream: ReadableStream<Uint8Array>,
  options: ImportLinesOptions = {},
): AsyncGenerator<{ line: number; record: BodyRecord }> {
  const counts = emptyCounts();
  const sources = new Set<string>();
  const conversations = new Set<string>();
  let header: ExportHeader | undefined;
  let ended = 0;
  let rank = 0;
  let last = 0;
  for await (const { n, text, unterminated } of readLines(
    stream,
    options.maxLineChars ?? MAX_LINE_CHARS,
    options.onBytes,
  )) {
    last = n;
    if (unterminated) throw new ImportError('truncated', n);
    if (text.trim() === '') continue;
    if (ended) throw new ImportError('after-end', n);
    const value = parseJson(text, n);
    if (!header) {
      header = parseHeader(value, n);
      options.onHeader?.(header);
      continue;
    }
    const parsed = exportRecord.safeParse(value);
    if (!parsed.success) throw new ImportError('bad-record', n, describe(parsed.error, value));
    const record = parsed.data;
    if (record.type === 'end') {
      for (const type of RECORD_ORDER) {
        if (record.counts[type] !== counts[type]) {
          throw new ImportError(
            'count-mismatch',
            n,
            `${type}: ${record.counts[type]} ≠ ${counts[type]}`,
          );
        }
      }
      ended = n;
      continue;
    }
    const place = RECORD_ORDER.indexOf(record.type);
    if (place < rank) throw new ImportError('out-of-order', n, record.type);
    rank = place;
    checkRecord(record, n, sources, conversations);
    counts[record.type]++;
    yield { line: n, record };
  }
  if (!header) throw new ImportError('empty', 1);
  if (!ended) throw new ImportError('truncated', last + 1);
}

function parseJson(text: string, n: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportError('not-json', n, error instanceof Error ? error.message : '');
  }
}

function parseHeader(value: unknown, n: number): ExportHeader {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as {
    format?: unknown;
    version?: unknown;
  };
  if (fields.format !== EXPORT_FORMAT) throw new ImportError('not-export', n);
  if (fields.version !== EXPORT_VERSION) {
    throw new ImportError('wrong-version', n, String(fields.version));
  }
  const parsed = exportHeader.safeParse(value);
  if (!parsed.success) throw new ImportError('bad-record', n, describe(parsed.error, value));
  return parsed.data;
}

function checkRecord(
  record: BodyRecord,
  n: number,
  sources: Set<string>,
  conversations: Set<string>,
): void {
  switch (record.type) {
    case 'setting': {
      if (!isExportedSetting(record.key)) throw new ImportError('bad-setting', n, record.key);
      const problem = settingProblem(record.key, record.value);
      if (problem) throw new ImportError('bad-setting', n, problem);
      return;
    }
    case 'source':
      if (sources.has(record.id)) throw new ImportError('duplicate', n, record.id);
      sources.add(record.id);
      return;
    case 'link':
      for (const end of [record.fromId, record.toId]) {
        if (!sources.has(end)) throw new ImportError('dangling', n, end);
      }
      return;
    case 'conversation':
      if (conversations.has(record.id)) throw new ImportError('duplicate', n, record.id);
      conversations.add(record.id);
      return;
    case 'message':
      if (!conversations.has(record.conversationId)) {
        throw new ImportError('dangling', n, record.conversationId);
      }
      return;
  }
}

/** "source.title: expected string, received number": the record's type, the field, the issue. */
function describe(error: z.ZodError, value: unknown): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const type = (value as { type?: unknown } | null)?.type;
  const where = [typeof type === 'string' ? type : '', ...issue.path.map(String)]
    .filter(Boolean)
    .join('.');
  const message = issue.message.replace(/^Invalid input: /, '');
  return where ? `${where}: ${message}` : message;
}
