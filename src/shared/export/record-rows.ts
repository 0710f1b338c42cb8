/**
 * Rows to records and back. Each record is built field by field in the schema's order (never by
 * spreading a row), so the same row always gives the same bytes: export → import → export is
 * identical, and a field added to a row later does not leak into the format unannounced.
 */
import type { ConversationRow, LinkRow, MessageRow, SearchedFor, SourceRow } from '../db';
import type { ConversationRecord, LinkRecord, MessageRecord, SourceRecord } from './records';

/** `{key: value}` when the value is there, else nothing: optional fields are left out, not null. */
const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export const sourceToRecord = (row: SourceRow): SourceRecord => ({
  type: 'source',
  id: row.id,
  kind: row.kind,
  url: row.url,
  canonicalUrl: row.canonicalUrl,
  ...opt('targetUrl', row.targetUrl),
  title: row.title,
  site: row.site,
  ...opt('lang', row.lang),
  text: row.text,
  ...opt('selection', row.selection),
  extractor: row.extractor,
  origin: row.origin,
  savedAt: row.savedAt,
  lastSeenAt: row.lastSeenAt,
  seenCount: row.seenCount,
  outLinks: [...row.outLinks],
  ...opt(
    'read',
    row.read?.map(({ start, end }) => ({ start, end })),
  ),
});

/** An imported source is new to this profile: pending until the engine indexes it here. */
export const recordToSource = (record: SourceRecord): SourceRow => ({
  ...withoutType(record),
  status: 'pending',
});

/** The links an export carries: what the user or the capture made, not what indexing derives. */
export const EXPORTED_LINK_KINDS = ['hyperlink', 'version', 'glimpse', 'note'] as const;
type ExportedLink = LinkRow & { kind: (typeof EXPORTED_LINK_KINDS)[number] };
export const isExportedLink = (row: LinkRow): row is ExportedLink =>
  (EXPORTED_LINK_KINDS as readonly string[]).includes(row.kind);

export const linkToRecord = (row: ExportedLink): LinkRecord => ({
  type: 'link',
  fromId: row.fromId,
  toId: row.toId,
  kind: row.kind,
});

export const recordToLink = ({ fromId, toId, kind }: LinkRecord): LinkRow => ({
  fromId,
  toId,
  kind,
});

export const conversationToRecord = (row: ConversationRow): ConversationRecord => ({
  type: 'conversation',
  id: row.id,
  title: row.title,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export const recordToConversation = ({
  id,
  title,
  createdAt,
  updatedAt,
}: ConversationRecord): ConversationRow => ({ id, title, createdAt, updatedAt });

const searchedRecord = (s: SearchedFor): NonNullable<MessageRecord['searched']> => ({
  query: s.query,
  ...opt('time', s.time),
  ...opt('named', s.named),
  ...opt('by', s.by),
});

/** `progress` is left out: it is the wording of an answer under way, not part of the answer. */
export const messageToRecord = (row: MessageRow): MessageRecord => ({
  type: 'message',
  id: row.id,
  conversationId: row.conversationId,
  role: row.role,
  text: row.text,
  ...opt('replyTo', row.replyTo),
  status: row.status,
  citations: row.citations.map((c) => ({
    n: c.n,
    sourceId: c.sourceId,
    chunkId: c.chunkId,
    title: c.title,
    site: c.site,
    url: c.url,
    savedAt: c.savedAt,
    quote: c.quote,
    href: c.href,
    ...opt('forgotten', c.forgotten),
  })),
  ...opt('mode', row.mode),
  ...opt('model', row.model),
  ...opt('error', row.error),
  ...opt('forgottenSentences', row.forgottenSentences),
  ...opt('searched', row.searched && searchedRecord(row.searched)),
  ...opt('stopped', row.stopped),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export const recordToMessage = (record: MessageRecord): MessageRow => withoutType(record);

function withoutType<R extends { type: string }>(record: R): Omit<R, 'type'> {
  const fields: Partial<R> = { ...record };
  delete fields.type;
  return fields as Omit<R, 'type'>;
}
