/**
 * Imports an Engram export file into this memory, in two streamed passes over the file:
 * 1. check: every line is read and checked (import-lines.ts) and nothing is written, so a bad
 *    file — cut short, another version, a malformed or mistyped line anywhere, even the last —
 *    imports nothing and leaves the memory as it was, with the line and the problem named;
 * 2. write: the same lines again, written in batches (import-write.ts), merged without duplicates.
 * The file is never held in memory: each pass opens a fresh stream of it (`File.stream()`).
 *
 * Why not skip bad lines and import the rest: a file with a bad line is a damaged or hand-edited
 * file, and half of a memory imported silently (links to missing pages, answers citing nothing)
 * is harder to notice and undo than an import that did nothing and said why.
 */
import type { EngramDb } from '../db';
import { importLines, type BodyRecord } from './import-lines';
import { emptySummary, writeBatch, type ImportSummary } from './import-write';
import type { ExportHeader } from './records';

export interface ImportProgress {
  phase: 'checking' | 'writing';
  /** Bytes of the file read in this phase. */
  bytes: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Records written per transaction. */
  batchSize?: number;
  /** Characters of text per transaction, at most (a batch of long pages is cut early). */
  batchChars?: number;
  maxLineChars?: number;
}

export interface ImportResult {
  header: ExportHeader;
  summary: ImportSummary;
}

/** `open` gives a fresh stream of the file's bytes each time (a `File`'s `stream`). */
export async function importExport(
  db: EngramDb,
  open: () => ReadableStream<Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { onProgress, maxLineChars } = options;
  let header: ExportHeader | undefined;
  const checking = importLines(open(), {
    maxLineChars,
    onHeader: (h) => (header = h),
    onBytes: (bytes) => onProgress?.({ phase: 'checking', bytes }),
  });
  // Every record is checked as it passes; nothing is kept.
  let next = await checking.next();
  while (!next.done) next = await checking.next();

  const summary = emptySummary();
  const batchSize = options.batchSize ?? 500;
  const batchChars = options.batchChars ?? 8_000_000;
  let batch: BodyRecord[] = [];
  let chars = 0;
  const writing = importLines(open(), {
    maxLineChars,
    onBytes: (bytes) => onProgress?.({ phase: 'writing', bytes }),
  });
  for await (const { record } of writing) {
    batch.push(record);
    chars += record.type === 'source' ? record.text.length : 0;
    if (batch.length >= batchSize || chars >= batchChars) {
      await writeBatch(db, batch, summary);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) await writeBatch(db, batch, summary);
  // The first pass read the header, or it threw.
  return { header: header!, summary };
}
