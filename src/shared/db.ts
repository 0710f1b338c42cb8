/**
 * The Engram database: the one source of truth, shared by the service worker, the engine
 * (offscreen document) and the extension pages, all on the extension origin.
 *
 * Versioned Dexie schema. Index only what is queried. A schema change adds a new `version(n)`
 * below the last one; `.upgrade()` only where data changes shape. Nothing outside src/shared
 * touches a table: each has its store (store/*.ts, and settings.ts for `settings`), which owns
 * its rows' ids and queries.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { EntityKind as GraphEntityKind, PageMetadata } from '../core/graph/entity';
import type { StoredRole } from '../core/graph/source-graph';
import { DB_NAME } from './db-name';
import type { CaptureMode, CaptureOrigin } from './protocol';

/**
 * `glimpse`: what was on screen when the user pressed the shortcut (linked to its page);
 * `said`: a statement the user typed in the chat (issue 15), kept with its conversation.
 */
export type SourceKind = CaptureMode | 'note' | 'glimpse' | 'said';
export type SourceStatus = 'pending' | 'indexed' | 'failed';

export interface SourceRow {
  /** `src_` + SHA-256 of the normalised text: the same content saved twice is one source. */
  id: string;
  kind: SourceKind;
  url: string;
  canonicalUrl: string;
  /** A link's or image's own URL when the source is not the page itself. */
  targetUrl?: string;
  title: string;
  site: string;
  lang?: string;
  text: string;
  /** The selection at capture time, if any. */
  selection?: string;
  extractor: string;
  origin: CaptureOrigin;
  status: SourceStatus;
  error?: string;
  /** Why indexing set it aside (status `failed`), as a code the pages word (store/jobs.ts). */
  errorCode?: IndexFailure;
  savedAt: number;
  lastSeenAt: number;
  seenCount: number;
  /** Canonical http(s) URLs this source links to (multi-entry index: who links to me?). */
  outLinks: string[];
  /** The parts of `text` the user read (automatic capture): UTF-16 offsets, in order. */
  read?: Array<{ start: number; end: number }>;
  /** A glimpse held for review: it is queued for indexing at this time unless kept or edited. */
  heldUntil?: number;
  /** The page's JSON-LD, meta tags, byline and site name: its entities (issue 14). */
  metadata?: PageMetadata;
  /** A `said` source's message: deleting the conversation forgets it (issue 15). */
  said?: { conversationId: string; messageId: string };
  /** A note's page, open when it was noted (issue 15); its text ends with a line naming it. */
  notedOn?: { url: string; title: string };
}

export interface ChunkRow {
  /** `chunkId(sourceId, ord)` (store/chunks.ts): deterministic, so a retried commit overwrites. */
  id: string;
  sourceId: string;
  ord: number;
  text: string;
  /** UTF-16 offsets of this chunk in the source text. */
  start: number;
  end: number;
  /** int8 embedding with one scale (value = q * scale); absent until an embedder has run. */
  vector?: Int8Array;
  scale?: number;
  /** The embedding model that made `vector`: vectors of two models never mix. */
  model?: string;
  /**
   * A second model's vector: while memory is re-embedded for a newly chosen model, one slot holds
   * the model in use and the other the new one (store/chunk-vectors.ts reads either by model).
   */
  next?: ChunkVector;
}

export interface ChunkVector {
  vector: Int8Array;
  scale: number;
  model: string;
}

/** `site` entities stand for a source's site; the rest come from pages (core/graph, issue 14). */
export type EntityKind = 'site' | GraphEntityKind;
export interface EntityRow {
  /** `siteEntityId(site)` or `graphEntityId(kind, key)` (store/graph.ts): stable. */
  id: string;
  kind: EntityKind;
  /** The display name (the user may rename it). */
  name: string;
  /** entityKey(name) (core/graph/entity-key.ts); for a site, the site. Equal keys are one entity. */
  key: string;
  /** Other display forms merged into it (another page's spelling, a merged entity's name). */
  aliases?: string[];
  /** The keys of those forms: a page naming the entity by one of them finds this entity. */
  aliasKeys?: string[];
  /** When the first and the latest source that mention it were saved (ms). */
  firstSeenAt: number;
  lastSeenAt: number;
  /** How many sources mention it, kept up to date by every commit, forget and edit. */
  sourceCount: number;
}

/** How a source mentions an entity, strongest first (store/graph-write.ts keeps the strongest). */
export type MentionRole = StoredRole;

export interface MentionRow {
  sourceId: string;
  entityId: string;
  /** Absent for a site's mention (the source is on that site) and on rows from before v6. */
  role?: MentionRole;
  /** How strongly: occurrences of a matched name, a key phrase's score; absent means 1. */
  weight?: number;
  /** When the source was saved: first and last seen are recomputed from it when one goes. */
  at?: number;
  /** The mention counted in the source's co-occurrence edges (store/entity-edges.ts). */
  paired?: true;
}

/** Two entities named by the same sources: `weight` sources; `a < b` in string order. */
export interface EntityEdgeRow {
  a: string;
  b: string;
  weight: number;
}

/**
 * `version`: from a page's newer content at the same URL to the version it replaces;
 * `glimpse`: from a glimpse to the page it was seen on;
 * `note`: from a note the user wrote in the library to the source it is about (issue 12);
 * `similar` and `sitting`: see DerivedLinkKind.
 */
export type LinkKind = 'hyperlink' | 'version' | 'glimpse' | 'note' | DerivedLinkKind;
/**
 * Links indexing derives (issue 14), from the new source to older ones: `similar`, its nearest
 * sources by embedding; `sitting`, sources saved minutes before or after it. Never exported: the
 * importing profile derives them again.
 */
export type DerivedLinkKind = 'similar' | 'sitting';
export interface LinkRow {
  fromId: string;
  toId: string;
  kind: LinkKind;
}

/**
 * Why a source could not be indexed: `engine-stopped`, the engine stopped (crashed, ran out of
 * memory, was killed) during each of its attempts; `error`, its last attempt threw (`error` holds
 * the technical message). The pages word the code (shared/index-failure.ts).
 */
export type IndexFailure = 'engine-stopped' | 'error';

/** Ingest jobs are the durable queue between capture (service worker) and indexing (engine). */
export type JobKind = 'ingest';
export interface JobRow {
  id: string; // `ingestJobId(sourceId)` (store/jobs.ts)
  kind: JobKind;
  sourceId: string;
  status: 'queued' | 'failed';
  /**
   * Attempts started, counted before each one runs (store/jobs.ts `beginAttempt`), so a job that
   * kills the engine is counted too. A retry resets it to 0 with status `queued`.
   */
  attempts: number;
  error?: string;
  /** Set with status `failed`: why (see IndexFailure). Absent on rows written before it. */
  errorCode?: IndexFailure;
  /** When the last attempt started (absent until one has). */
  startedAt?: number;
  createdAt: number;
}

export interface ConversationRow {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
}

export interface Citation {
  /** 1-based number as shown in the answer: [1], [2]. */
  n: number;
  sourceId: string;
  chunkId: string;
  title: string;
  site: string;
  url: string;
  savedAt: number;
  /** The passage, as quoted to the model and shown in the UI. */
  quote: string;
  /** The source URL with a text fragment that scrolls to the passage, where possible. */
  href: string;
  /**
   * The source was forgotten (store/forget-citations.ts): the number stays, everything that
   * named or quoted the source is emptied.
   */
  forgotten?: true;
  /**
   * What the source names that the answer is about (issue 14): the question's entities it
   * mentions and its authors, a few at most, each opening its entity page from the citation.
   */
  entities?: CitedEntity[];
}

/** An entity under a citation: enough to link its page (ui/graph/entity-route.ts). */
export interface CitedEntity {
  id: string;
  name: string;
}

export type MessageStatus = 'pending' | 'searching' | 'generating' | 'done' | 'error';
export interface SearchedFor {
  /** The question as searched, its references to earlier turns filled in. */
  query: string;
  /** The time expression the search was narrowed by, as written ("last week", "三周前"). */
  time?: string;
  /** Sources whose titles `query` holds: forgetting one forgets the query too. */
  named?: string[];
  /** The language model rewrote the question (issue 15), not the rules. */
  by?: 'model';
}

export interface MessageRow {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  text: string;
  /** For an assistant message: the user message it answers. */
  replyTo?: string;
  status: MessageStatus;
  /** What the UI should say while the answer is not done ("Loading the language model… 40%"). */
  progress?: string;
  citations: Citation[];
  /** How the answer was made: a model's words, or the best sentences of the sources. */
  mode?: 'generated' | 'extractive';
  model?: string;
  error?: string;
  /** Sentences taken out of `text` because they came from a forgotten source. */
  forgottenSentences?: number;
  /** The user stopped the answer while it was written: `text` is what was written until then. */
  stopped?: true;
  /**
   * What was searched when it differs from the question (issue 15): a follow-up resolved against
   * its conversation, and the time filter the question named. Shown under the answer.
   */
  searched?: SearchedFor;
  /**
   * How many times the engine started answering it, counted before each try (store/answer-
   * attempts.ts): an answer whose try killed the engine is not resumed forever.
   */
  attempts?: number;
  createdAt: number;
  updatedAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface ModelRow {
  /** The model id as the engine loads it. */
  id: string;
  task: 'embed' | 'generate' | 'transcribe';
  /** `not-downloaded`: its files are not on this device and downloads wait for the user. */
  state: 'idle' | 'loading' | 'ready' | 'failed' | 'unavailable' | 'not-downloaded';
  /** Bytes loaded and expected, summed over the model's files, while loading. */
  loaded: number;
  total: number;
  /** Seconds left in a download, from its recent speed; absent until known. */
  etaSeconds?: number;
  /** Why it failed, in English words (rows written before `errorCode` hold only these). */
  error?: string;
  /** Why it failed, for the interface to word in the browser's language. */
  errorCode?: ModelFailure;
  /** The technical message behind the failure, for the details. */
  errorDetail?: string;
  updatedAt: number;
}

/**
 * Why a model failed to load: a download failure's kind (engine/downloads/model-download-error.ts),
 * or `other` for an error from elsewhere (ONNX Runtime, a bug), whose message is the detail.
 */
export type ModelFailure =
  'unreachable' | 'not-found' | 'disk-full' | 'corrupt' | 'http' | 'not-allowed' | 'other';

/**
 * One change to what the search indexes hold, written in the same transaction as the change
 * itself (a commit, a delete, vectors added). The persisted indexes are a snapshot plus the
 * entries after it: replaying an entry re-reads the source's rows, so replaying twice is harmless.
 */
export interface IndexLogRow {
  /** Auto-increment: the order of changes. */
  seq?: number;
  sourceId: string;
  /** Only these chunks' vectors changed (a backfill); absent: the whole source changed or went. */
  chunkIds?: string[];
  /** The source was deleted (store/delete-sources.ts): a save must not write it back. */
  forgotten?: true;
}

/**
 * A part of the persisted search indexes (store/index-snapshots.ts): the keyword index, the
 * sources' ranking facts, and the dense index of one model (`dense:<model id>`). All parts in use
 * are written together with the same `seq`: the last index-log entry they include.
 */
export interface IndexSnapshotRow {
  key: string;
  seq: number;
  takenAt: number;
  data: unknown;
}

export { DB_NAME };

/** Until v3, the embedding model in use was kept as this `indexSnapshots` row (`data: {model}`). */
const V2_ACTIVE_MODEL_ROW = 'active-embedding-model';

export class EngramDb extends Dexie {
  sources!: EntityTable<SourceRow, 'id'>;
  chunks!: EntityTable<ChunkRow, 'id'>;
  entities!: EntityTable<EntityRow, 'id'>;
  mentions!: Dexie.Table<MentionRow, [string, string]>;
  entityEdges!: Dexie.Table<EntityEdgeRow, [string, string]>;
  links!: Dexie.Table<LinkRow, [string, string, string]>;
  jobs!: EntityTable<JobRow, 'id'>;
  conversations!: EntityTable<ConversationRow, 'id'>;
  messages!: EntityTable<MessageRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  models!: EntityTable<ModelRow, 'id'>;
  indexLog!: EntityTable<IndexLogRow, 'seq'>;
  indexSnapshots!: EntityTable<IndexSnapshotRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      sources: 'id, status, canonicalUrl, savedAt, lastSeenAt, *outLinks',
      chunks: 'id, sourceId',
      entities: 'id, kind',
      mentions: '[sourceId+entityId], entityId',
      links: '[fromId+toId+kind], toId',
      jobs: 'id, status',
      conversations: 'id, updatedAt',
      messages: 'id, [conversationId+createdAt], status',
      settings: 'key',
      models: 'id',
    });
    // v2 (issue 4): persisted search indexes (a snapshot plus a log of changes since it), and
    // sources by site so "forget this site" needs no scan. New tables and an added index only:
    // no row changes shape, so no upgrade function; v1 data stays as it was.
    this.version(2).stores({
      sources: 'id, status, canonicalUrl, savedAt, lastSeenAt, *outLinks, site',
      indexLog: '++seq',
      indexSnapshots: 'key',
    });
    // v3 (issue 9): the indexes nothing queries go (sources by savedAt, entities by kind), and the
    // embedding model in use moves from a fake index-snapshot row to the `activeEmbeddingModel`
    // setting. No other row changes.
    this.version(3)
      .stores({
        sources: 'id, status, canonicalUrl, lastSeenAt, *outLinks, site',
        entities: 'id',
      })
      .upgrade(async (tx) => {
        const snapshots = tx.table<IndexSnapshotRow, string>('indexSnapshots');
        const row = await snapshots.get(V2_ACTIVE_MODEL_ROW);
        if (!row) return;
        const model = (row.data as { model?: unknown } | undefined)?.model;
        if (typeof model === 'string' && model !== '') {
          await tx
            .table<SettingRow, string>('settings')
            .put({ key: 'activeEmbeddingModel', value: model });
        }
        await snapshots.delete(V2_ACTIVE_MODEL_ROW);
      });
    // v4 (issue 10): links by kind, so the memory count can tell the glimpses kept with their page
    // (store/sources.ts `countMemories`) without reading every link. An added index only.
    this.version(4).stores({
      links: '[fromId+toId+kind], toId, kind',
    });
    // v5 (issue 12): the library lists sources newest first and filters them by kind, so it
    // pages by `savedAt` and reads a kind's keys from an index instead of every row with its text.
    // Added indexes only: no row changes shape.
    this.version(5).stores({
      sources: 'id, status, canonicalUrl, lastSeenAt, *outLinks, site, savedAt, kind',
    });
    // v6 (issue 14): the knowledge graph. Entities by kind, key (and the keys merged into them) and
    // when last seen, with their counts; co-occurrence edges; a mention's role, weight and time.
    // The site entities of v5 gain their key, times and count, computed from their mentions.
    this.version(6)
      .stores({
        entities: 'id, kind, key, lastSeenAt, *aliasKeys',
        entityEdges: '[a+b], a, b',
      })
      .upgrade(upgradeToV6);
    // v7: an entity's mentions by time, so forgetting a source reads an entity's first and last
    // seen from the two ends of an index instead of every mention (graph-write.ts `seenSpan`).
    // An added index only; mentions without a time (`at`) are simply not in it.
    // Sources by extractor (issue 12): the library's PDF and transcript filters read those ids
    // from an index (pages by kind, told apart by how their text was found). Added indexes only.
    this.version(7).stores({
      sources: 'id, status, canonicalUrl, lastSeenAt, *outLinks, site, savedAt, kind, extractor',
      mentions: '[sourceId+entityId], entityId, [entityId+at]',
    });
    // Several contexts hold the database open; when a newer version of Engram upgrades the schema,
    // close ours so the upgrade is not blocked. The next access reopens it at the new version.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: false });
      return false;
    });
  }
}

/**
 * v5 → v6: each site entity gets `key` (its site), `sourceCount` (its mentions) and first and last
 * seen (its sources' save times), and each mention its source's save time (`at`). One pass over
 * the sources, one over mentions and one over entities.
 */
async function upgradeToV6(tx: Transaction): Promise<void> {
  const savedAt = new Map<string, number>();
  // Rows, not the `savedAt` index: from v1 or v2 the index is dropped (v3) and made again (v5) in
  // this same upgrade, and a cursor on it fails there. Once, at the upgrade.
  await tx
    .table<SourceRow, string>('sources')
    .each((source) => void savedAt.set(source.id, source.savedAt));
  const seen = new Map<string, { first: number; last: number; count: number }>();
  await tx
    .table<MentionRow, [string, string]>('mentions')
    .toCollection()
    .modify((mention) => {
      const at = savedAt.get(mention.sourceId);
      if (at === undefined) return;
      mention.at = at;
      const s = seen.get(mention.entityId);
      if (s) {
        s.first = Math.min(s.first, at);
        s.last = Math.max(s.last, at);
        s.count++;
      } else seen.set(mention.entityId, { first: at, last: at, count: 1 });
    });
  const entities = tx.table<EntityRow, string>('entities');
  await entities.toCollection().modify((entity, ref) => {
    const s = seen.get(entity.id);
    // An entity no source mentions any more (v5 left none, but a crash could): it goes.
    if (!s) {
      delete (ref as { value?: EntityRow }).value;
      return;
    }
    entity.key = entity.kind === 'site' ? entity.name : entity.key;
    entity.firstSeenAt = s.first;
    entity.lastSeenAt = s.last;
    entity.sourceCount = s.count;
  });
}

let shared: EngramDb | undefined;
/** The database of this context, opened lazily. */
export const db = (): EngramDb => (shared ??= new EngramDb());
