/**
 * The in-memory search indexes of the engine: BM25 over every chunk, a 1-bit candidate index with
 * int8 rescoring (core/index/binary-index) over the chunks embedded by the current model, and what
 * ranking needs to know about each source (when it was seen, how often, whether saved on purpose).
 *
 * IndexedDB stays the truth. Every change to chunks (commit, delete, vectors added) writes an
 * index-log entry in its own transaction, and the index applies changes only by reading that log
 * back (sync), so it never holds what a transaction did not commit. A start restores the
 * persisted parts (shared/store/index-snapshots.ts) and replays the log after them; only when
 * there are none (first start after an upgrade, another model) does it read every chunk. The rows
 * are read through the stores (shared/store/index-log.ts, sources.ts), never table by table.
 */
import { isQuotaError } from '../../shared/disk-full';
import { Bm25Index } from '../../core/index/bm25';
import type { BinaryIndex } from '../../core/index/binary-index';
import type { CandidateInfo } from '../../core/rank/rank';
import type { ChunkRow, EngramDb, SourceRow } from '../../shared/db';
import type { EmbeddingModelSpec } from '../../shared/model-registry';
import { sourceIdOfChunk } from '../../shared/store/chunks';
import { changesSince, readEveryIndexedRow } from '../../shared/store/index-log';
import {
  readPersisted,
  writePersisted,
  type PersistedIndex,
} from '../../shared/store/index-snapshots';
import { forEachSourceSeenSince } from '../../shared/store/source-reads';
import { DenseSlot } from './dense-slot';
import { factOf, factsFromSnapshot, factsSnapshot, type SourceFact } from './source-facts';

/** Sightings are not logged: after a restore, look again from this long before the last look. */
const SIGHTING_SLACK_MS = 60_000;
/** Persist at once past this many unpersisted log entries, so the log stays short. */
const PERSIST_AFTER_ENTRIES = 2_000;

export interface MemoryIndexOptions {
  /** Persist this long after the last change (the engine's quiet time); never when absent. */
  persistAfterMs?: number;
  /**
   * The model memory is being re-embedded for (issue 3): its vectors are gathered in a side index
   * that no search reads until every chunk has one; then the engine makes it the model in use.
   */
  next?: EmbeddingModelSpec;
  /** A write of the saved indexes failed for lack of space: the engine tells the service worker. */
  onDiskFull?: () => void;
}

export class MemoryIndex {
  private keywordIndex = new Bm25Index();
  /** The model in use: search reads this dense index only. */
  private dense: DenseSlot;
  /** The model being re-embedded for, if any. */
  private nextSlot: DenseSlot | undefined;
  private chunksOf = new Map<string, string[]>();
  private sources = new Map<string, SourceFact>();
  private refreshedAt = 0;
  private appliedSeq = 0;
  private persistedSeq = 0;
  private queue: Promise<void> = Promise.resolve();
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  /** How the last load went, for the engine status and tests. */
  loadedFrom: 'snapshot' | 'rows' | undefined;

  constructor(
    readonly model: EmbeddingModelSpec,
    private readonly options: MemoryIndexOptions = {},
  ) {
    this.dense = new DenseSlot(model);
    this.nextSlot = options.next && new DenseSlot(options.next);
  }

  get next(): EmbeddingModelSpec | undefined {
    return this.options.next;
  }

  /** How far re-embedding for the next model has come; undefined when none runs. */
  get reembedding(): { model: string; done: number; total: number } | undefined {
    const slot = this.nextSlot;
    if (!slot) return undefined;
    return { model: slot.model.id, done: slot.index.size, total: this.keywordIndex.size };
  }

  /** Up to `limit` chunks that still need a vector from the next model. */
  nextUnembedded(limit: number): string[] {
    return this.nextSlot?.unembedded(limit) ?? [];
  }

  forgetNextUnembedded(ids: readonly string[]): void {
    this.nextSlot?.forget(ids);
  }

  get keyword(): Bm25Index {
    return this.keywordIndex;
  }

  get vectors(): BinaryIndex {
    return this.dense.index;
  }

  /** The last index-log entry reflected here. */
  get seq(): number {
    return this.appliedSeq;
  }

  /** Restore the persisted indexes and replay the log after them, or read every row. */
  async load(db: EngramDb): Promise<void> {
    const persisted = await readPersisted(db, this.model.id, this.options.next?.id).catch(
      (error: unknown) => {
        console.warn('Engram: the persisted index could not be read; rebuilding:', error);
        return undefined;
      },
    );
    let restored = false;
    if (persisted) {
      try {
        this.restore(persisted);
        restored = true;
      } catch (error) {
        console.warn('Engram: the persisted index is damaged; rebuilding:', error);
      }
    }
    if (!restored) await this.rebuild(db);
    this.loadedFrom = restored ? 'snapshot' : 'rows';
    await this.sync(db);
    await this.refreshSightings(db);
    // A rebuild, or a long replay, is worth keeping.
    if (!restored || this.appliedSeq - this.persistedSeq > 0) this.schedulePersist(db);
  }

  /**
   * Apply what the index log recorded since this index last looked (commits, deletes, vectors),
   * re-reading the rows it names: applying an entry twice, or after a crash, gives the same index.
   * Runs after any sync or persist in progress.
   */
  sync(db: EngramDb): Promise<void> {
    return this.enqueue(async () => {
      await this.catchUp(db);
      // Past the threshold the write is queued, not awaited: the commit, backfill or forget that
      // asked for this sync neither waits for it nor fails with it (a failed write is retried).
      if (this.appliedSeq - this.persistedSeq >= PERSIST_AFTER_ENTRIES) {
        void this.persist(db).catch((error: unknown) => {
          this.persistFailed(error);
          this.schedulePersist(db);
        });
      } else if (this.appliedSeq > this.persistedSeq) this.schedulePersist(db);
    });
  }

  /**
   * Write the persisted indexes now (the engine does it after a quiet time by itself), with
   * everything logged so far: a source deleted by another context must not be written back.
   */
  persist(db: EngramDb): Promise<void> {
    return this.enqueue(async () => {
      await this.catchUp(db);
      await this.writeParts(db);
    });
  }

  /**
   * After a forget (engine/index/forget.ts): apply the log, then write the persisted parts at
   * once. Taking them compacts the keyword index, so the forgotten words leave memory too, not
   * only search results (a removed chunk is otherwise only marked dead until a quarter are).
   */
  async forgetNow(db: EngramDb): Promise<void> {
    await this.sync(db);
    await this.persist(db);
  }

  /** Pick up sightings recorded since the last look (a page saved again is seen more often). */
  async refreshSightings(db: EngramDb): Promise<void> {
    const since = this.refreshedAt;
    this.refreshedAt = Date.now();
    await forEachSourceSeenSince(db, since, (source) => {
      if (this.sources.has(source.id)) this.noteSource(source);
    });
  }

  /** Replace everything indexed for a source by its new chunks (tests; the engine syncs). */
  replaceSource(source: SourceRow, chunks: readonly ChunkRow[]): void {
    this.removeSource(source.id);
    this.noteSource(source);
    for (const chunk of chunks) this.addChunk(chunk, source.title);
  }

  removeSource(sourceId: string): void {
    for (const id of this.chunksOf.get(sourceId) ?? []) {
      this.keywordIndex.remove(id);
      this.dense.remove(id);
      this.nextSlot?.remove(id);
    }
    this.chunksOf.delete(sourceId);
    this.sources.delete(sourceId);
  }

  setVector(chunkId: string, vector: Float32Array): void {
    this.dense.set(chunkId, vector, this.timesOf(chunkId));
  }

  /** Up to `limit` chunks that still need a vector from this model. */
  unembedded(limit: number): string[] {
    return this.dense.unembedded(limit);
  }

  forgetUnembedded(ids: readonly string[]): void {
    this.dense.forget(ids);
  }

  get chunkCount(): number {
    return this.keywordIndex.size;
  }

  /** What ranking knows of a chunk; undefined once its source is gone. */
  infoOf(chunkId: string): CandidateInfo | undefined {
    const sourceId = sourceIdOfChunk(chunkId);
    const source = this.sources.get(sourceId);
    if (!source) return undefined;
    const vector = this.dense.index.vectorOf(chunkId);
    return {
      sourceId,
      time: source.lastSeenAt,
      timesSeen: source.timesSeen,
      saved: source.saved,
      ...(vector ? { vector } : {}),
    };
  }

  /** Whether a chunk's source was saved or seen within [from, to). */
  seenBetween(chunkId: string, from: number, to: number): boolean {
    const source = this.sources.get(sourceIdOfChunk(chunkId));
    if (!source) return false;
    const within = (t: number) => t >= from && t < to;
    return within(source.savedAt) || within(source.lastSeenAt);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads every source and chunk: when no persisted index can be used. */
  private async rebuild(db: EngramDb): Promise<void> {
    this.keywordIndex = new Bm25Index();
    this.dense = new DenseSlot(this.model);
    this.nextSlot = this.options.next && new DenseSlot(this.options.next);
    this.chunksOf = new Map<string, string[]>();
    this.sources = new Map<string, SourceFact>();
    const titles = new Map<string, string>();
    // Everything logged so far is in the rows read: replaying starts after it.
    this.appliedSeq = await readEveryIndexedRow(db, {
      source: (source) => {
        titles.set(source.id, source.title);
        this.noteSource(source);
      },
      chunk: (chunk) => this.addChunk(chunk, titles.get(chunk.sourceId) ?? ''),
    });
    this.persistedSeq = -1; // nothing persisted matches this index yet
    this.refreshedAt = Date.now();
  }

  /** Adopts persisted parts; throws, changing nothing, if any is malformed or another model's. */
  private restore(persisted: PersistedIndex): void {
    const keyword = Bm25Index.fromSnapshot(persisted.keyword);
    const dense = DenseSlot.restore(this.model, persisted.dense, keyword.ids());
    const next = this.options.next;
    // Without the next model's part, re-embedding starts over: never a reason to rebuild.
    const nextSlot = next && DenseSlot.restore(next, persisted.next, keyword.ids());
    const sources = factsFromSnapshot(persisted.sources);
    const chunksOf = new Map<string, string[]>();
    for (const id of keyword.ids()) {
      const sourceId = sourceIdOfChunk(id);
      const ids = chunksOf.get(sourceId);
      if (ids) ids.push(id);
      else chunksOf.set(sourceId, [id]);
    }
    [this.keywordIndex, this.dense, this.nextSlot] = [keyword, dense, nextSlot];
    [this.sources, this.chunksOf] = [sources, chunksOf];
    this.appliedSeq = this.persistedSeq = persisted.seq;
    this.refreshedAt = persisted.sightingsSince - SIGHTING_SLACK_MS;
  }

  private async writeParts(db: EngramDb): Promise<void> {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    // Refused when a forget landed after the parts were taken: read the log again and retry.
    for (let attempt = 1; this.appliedSeq !== this.persistedSeq; attempt++) {
      const parts = this.takeParts();
      if (await writePersisted(db, parts)) this.persistedSeq = parts.seq;
      else if (attempt >= 3) throw new Error('the index kept changing while it was saved');
      else await this.catchUp(db);
    }
  }

  /** The parts as they are now, taken synchronously: no change can land between them. */
  private takeParts(): PersistedIndex {
    return {
      seq: this.appliedSeq,
      takenAt: Date.now(),
      sightingsSince: this.refreshedAt,
      keyword: this.keywordIndex.toSnapshot(),
      sources: factsSnapshot(this.sources),
      dense: this.dense.index.toSnapshot(),
      ...(this.nextSlot ? { next: this.nextSlot.index.toSnapshot() } : {}),
    };
  }

  private schedulePersist(db: EngramDb): void {
    const delay = this.options.persistAfterMs;
    if (delay === undefined) return;
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persist(db).catch((error: unknown) => this.persistFailed(error));
    }, delay);
  }

  /**
   * The saved indexes could not be written. The log keeps every change, so nothing is lost and the
   * next write catches up; a full disk is reported so the user is told.
   */
  private persistFailed(error: unknown): void {
    console.warn('Engram: saving the index:', error);
    if (isQuotaError(error)) this.options.onDiskFull?.();
  }

  private async catchUp(db: EngramDb): Promise<void> {
    const read = await changesSince(db, this.appliedSeq);
    if (read.last === undefined) return;
    // No await from here on: a snapshot never sees half of a catch-up.
    const titles = new Map<string, string>();
    for (const id of read.whole) this.removeSource(id);
    for (const source of read.sources) {
      if (!source) continue;
      titles.set(source.id, source.title);
      if (source.status === 'indexed') this.noteSource(source);
    }
    for (const chunk of read.chunks) {
      const title = titles.get(chunk.sourceId);
      if (title !== undefined) this.addChunk(chunk, title);
    }
    for (const chunk of read.vectors) {
      if (!chunk || !this.keywordIndex.has(chunk.id)) continue;
      const times = this.timesOf(chunk.id);
      this.dense.file(chunk, times);
      this.nextSlot?.file(chunk, times);
    }
    this.appliedSeq = read.last;
  }

  /** When a chunk's source was saved and last seen: the dense index filters time ranges on it. */
  private timesOf(chunkId: string): number[] {
    const source = this.sources.get(sourceIdOfChunk(chunkId));
    return source ? [source.savedAt, source.lastSeenAt] : [];
  }

  private noteSource(source: SourceRow): void {
    const known = this.sources.get(source.id);
    this.sources.set(source.id, factOf(source));
    if (known && known.lastSeenAt !== source.lastSeenAt) {
      const times = [source.savedAt, source.lastSeenAt];
      for (const id of this.chunksOf.get(source.id) ?? []) {
        this.dense.index.setTimes(id, times);
        this.nextSlot?.index.setTimes(id, times);
      }
    }
  }

  private addChunk(chunk: ChunkRow, title: string): void {
    // The title is searchable too: it is often the words a person remembers.
    const text = chunk.ord === 0 && title ? `${title}\n${chunk.text}` : chunk.text;
    this.keywordIndex.add(chunk.id, text);
    const times = this.timesOf(chunk.id);
    this.dense.add(chunk, times);
    this.nextSlot?.add(chunk, times);
    const ids = this.chunksOf.get(chunk.sourceId);
    if (ids) ids.push(chunk.id);
    else this.chunksOf.set(chunk.sourceId, [chunk.id]);
  }
}
