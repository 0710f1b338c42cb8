/**
 * The second pass of an import: checked records written a batch at a time, each batch one
 * transaction, merged by the rules of merge.ts. A new source is stored pending with an ingest job
 * (store/jobs.ts), so the engine indexes it in the background at the bulk pace; the job is dated
 * when the source was saved, so the pace treats an import as bulk work, never as a fresh capture.
 */
import type { EngramDb, SourceRow } from '../db';
import { ingestJob } from '../store/jobs';
import { importSetting } from './exported-settings';
import type { BodyRecord } from './import-lines';
import { importedConversationWins, mergedHistory } from './merge';
import { recordToConversation, recordToLink, recordToMessage, recordToSource } from './record-rows';
import type { ExportedSetting } from './exported-settings';

export interface ImportSummary {
  /** Sources new to this memory (queued for indexing). */
  added: number;
  /** Sources already here, whose history was merged. */
  merged: number;
  links: number;
  conversations: number;
  messages: number;
  settings: number;
}

export const emptySummary = (): ImportSummary => ({
  added: 0,
  merged: 0,
  links: 0,
  conversations: 0,
  messages: 0,
  settings: 0,
});

type Of<T extends BodyRecord['type']> = Extract<BodyRecord, { type: T }>;

/** Writes one batch of records in one transaction; adds what it did to `summary`. */
export async function writeBatch(
  db: EngramDb,
  records: readonly BodyRecord[],
  summary: ImportSummary,
): Promise<void> {
  const of = <T extends BodyRecord['type']>(type: T) =>
    records.filter((r): r is Of<T> => r.type === type);
  await db.transaction(
    'rw',
    [db.sources, db.jobs, db.links, db.conversations, db.messages, db.settings],
    async () => {
      for (const setting of of('setting')) {
        await importSetting(db, setting.key as ExportedSetting, setting.value);
        summary.settings++;
      }
      await writeSources(db, of('source'), summary);
      const links = of('link').map(recordToLink);
      await db.links.bulkPut(links);
      summary.links += links.length;
      await writeConversations(db, of('conversation'), summary);
      await writeMessages(db, of('message'), summary);
    },
  );
}

async function writeSources(db: EngramDb, records: Of<'source'>[], summary: ImportSummary) {
  if (records.length === 0) return;
  const here = await db.sources.bulkGet(records.map((r) => r.id));
  const added: SourceRow[] = [];
  for (const [i, record] of records.entries()) {
    const existing = here[i];
    if (existing) {
      await db.sources.update(existing.id, mergedHistory(existing, record));
      summary.merged++;
    } else {
      added.push(recordToSource(record));
    }
  }
  await db.sources.bulkAdd(added);
  await db.jobs.bulkPut(added.map((source) => ingestJob(source.id, source.savedAt)));
  summary.added += added.length;
}

async function writeConversations(
  db: EngramDb,
  records: Of<'conversation'>[],
  summary: ImportSummary,
) {
  if (records.length === 0) return;
  const here = await db.conversations.bulkGet(records.map((r) => r.id));
  const rows = records
    .map(recordToConversation)
    .filter((row, i) => !here[i] || importedConversationWins(here[i], row));
  await db.conversations.bulkPut(rows);
  summary.conversations += records.length;
}

async function writeMessages(db: EngramDb, records: Of<'message'>[], summary: ImportSummary) {
  if (records.length === 0) return;
  const here = await db.messages.bulkGet(records.map((r) => r.id));
  await db.messages.bulkAdd(records.filter((_, i) => !here[i]).map(recordToMessage));
  summary.messages += records.length;
}
