/**
 * The Engram export format, version 1: JSON Lines, one record a line (docs/EXPORT.md). This
 * module is its one source of truth: the export writes these records, the import parses every
 * line with them, and the JSON Schema in docs/EXPORT.md is generated from them (a unit test
 * checks the document still matches).
 *
 * Line 1 is the header, then the records grouped by type in `RECORD_ORDER`, then the end record.
 * What a record holds is what another profile needs to rebuild the memory: a source's content and
 * history, not its local processing state (status, errors, a glimpse's hold), which the importing
 * profile recomputes by indexing. Records are strict: an unknown field is an error, so a file
 * from a later format is never half-understood.
 */
import { z } from 'zod';
import { captureMode, captureOrigin } from '../protocol';

export const EXPORT_FORMAT = 'engram-export';
export const EXPORT_VERSION = 1;

/** A page's text is capped at 2 MB when captured (protocol.ts); a little more for notes and edits. */
const MAX_TEXT = 4_000_000;
const MAX_URL = 8_192;
const MAX_TITLE = 10_000;
const id = z.string().min(1).max(200);
const time = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

/**
 * Every kind of source: what a capture mode keeps, a typed note, a glimpse of the screen, a
 * statement said in the chat.
 */
export const sourceKind = z.enum([...captureMode.options, 'note', 'glimpse', 'said']);

export const sourceRecord = z.strictObject({
  type: z.literal('source'),
  /** `src_` + SHA-256 of the normalised text: the same content in two memories is one source. */
  id,
  kind: sourceKind,
  url: z.string().max(MAX_URL),
  canonicalUrl: z.string().max(MAX_URL),
  targetUrl: z.string().max(MAX_URL).optional(),
  /** Plain text, never markup: shown as text wherever Engram shows it. */
  title: z.string().max(MAX_TITLE),
  site: z.string().max(500),
  lang: z.string().max(50).optional(),
  text: z.string().max(MAX_TEXT),
  selection: z.string().max(MAX_TEXT).optional(),
  extractor: z.string().max(100),
  origin: captureOrigin,
  savedAt: time,
  lastSeenAt: time,
  seenCount: count.min(1),
  outLinks: z.array(z.string().max(MAX_URL)).max(100_000),
  read: z
    .array(z.strictObject({ start: count, end: count }))
    .max(100_000)
    .optional(),
});

export const linkRecord = z.strictObject({
  type: z.literal('link'),
  fromId: id,
  toId: id,
  kind: z.enum(['hyperlink', 'version', 'glimpse', 'note']),
});

export const conversationRecord = z.strictObject({
  type: z.literal('conversation'),
  id,
  title: z.string().max(MAX_TITLE),
  createdAt: time,
  updatedAt: time,
});

export const citationRecord = z.strictObject({
  n: count,
  /** Empty, like the fields below, when the source was forgotten (`forgotten`). */
  sourceId: z.string().max(200),
  chunkId: z.string().max(300),
  title: z.string().max(MAX_TITLE),
  site: z.string().max(500),
  url: z.string().max(MAX_URL),
  savedAt: time,
  quote: z.string().max(MAX_TEXT),
  href: z.string().max(MAX_URL * 2),
  /** The cited source was forgotten: the number stays, its words and address are gone. */
  forgotten: z.literal(true).optional(),
});

export const messageRecord = z.strictObject({
  type: z.literal('message'),
  id,
  conversationId: id,
  role: z.enum(['user', 'assistant']),
  text: z.string().max(MAX_TEXT),
  replyTo: id.optional(),
  status: z.enum(['pending', 'searching', 'generating', 'done', 'error']),
  citations: z.array(citationRecord).max(1_000),
  mode: z.enum(['generated', 'extractive']).optional(),
  model: z.string().max(300).optional(),
  error: z.string().max(10_000).optional(),
  /** Sentences taken out of `text` because they came from a forgotten source. */
  forgottenSentences: count.optional(),
  /** What was searched, where it differs from the question (a follow-up, a time filter). */
  searched: z
    .strictObject({
      query: z.string().max(MAX_TEXT),
      time: z.string().max(500).optional(),
      named: z.array(id).max(100).optional(),
      by: z.literal('model').optional(),
    })
    .optional(),
  /** The user stopped the answer while it was written; `text` is what was written until then. */
  stopped: z.literal(true).optional(),
  createdAt: time,
  updatedAt: time,
});

/** A user setting; its value is checked against the setting's own schema (settings.ts) too. */
export const settingRecord = z.strictObject({
  type: z.literal('setting'),
  key: z.string().min(1).max(100),
  value: z.unknown(),
});

/** How many records of each type the file holds. */
export const recordCounts = z.strictObject({
  setting: count,
  source: count,
  link: count,
  conversation: count,
  message: count,
});
export type RecordCounts = z.infer<typeof recordCounts>;

/** The last line: its counts must equal the records read, so a file cut short is always caught. */
export const endRecord = z.strictObject({ type: z.literal('end'), counts: recordCounts });

export const exportRecord = z.discriminatedUnion('type', [
  settingRecord,
  sourceRecord,
  linkRecord,
  conversationRecord,
  messageRecord,
  endRecord,
]);
export type ExportRecord = z.infer<typeof exportRecord>;
export type SourceRecord = z.infer<typeof sourceRecord>;
export type LinkRecord = z.infer<typeof linkRecord>;
export type ConversationRecord = z.infer<typeof conversationRecord>;
export type MessageRecord = z.infer<typeof messageRecord>;
export type SettingRecord = z.infer<typeof settingRecord>;
export type RecordType = keyof RecordCounts;

/** Records come in this order of types: a link after both its sources, a message after its conversation. */
export const RECORD_ORDER: readonly RecordType[] = [
  'setting',
  'source',
  'link',
  'conversation',
  'message',
];

/** What a partial export was limited to (absent: everything). */
export const exportFilter = z.strictObject({
  ids: z.array(id).max(1_000_000).optional(),
  kinds: z.array(sourceKind).optional(),
  sites: z.array(z.string().max(500)).optional(),
  /** Saved at or after this time (ms since 1970). */
  since: time.optional(),
  /** Saved before this time. */
  until: time.optional(),
});
export type ExportFilter = z.infer<typeof exportFilter>;

export const exportHeader = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  /** When the file was written (ISO 8601): the one thing two exports of the same memory differ in. */
  exportedAt: z.iso.datetime(),
  /** The records expected (the end record has those actually written). */
  counts: recordCounts,
  filter: exportFilter.optional(),
});
export type ExportHeader = z.infer<typeof exportHeader>;

export const emptyCounts = (): RecordCounts => ({
  setting: 0,
  source: 0,
  link: 0,
  conversation: 0,
  message: 0,
});

/**
 * The JSON Schema of one line (the header, or any record), as docs/EXPORT.md prints it; a unit
 * test keeps the two the same.
 */
export const exportLineJsonSchema = (): unknown =>
  z.toJSONSchema(z.union([exportHeader, exportRecord]), { io: 'input' });
