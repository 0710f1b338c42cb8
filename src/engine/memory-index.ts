/**
 * The in-memory search indexes of the engine: BM25 over every chunk, a 1-bit candidate index with
 * int8 rescoring (core/binary-index) over the chunks embedded by the current model, and what
 * ranking needs to know about each source (when it was seen, how often, whether saved on purpose).
 * Loaded from IndexedDB at start, updated on every commit; IndexedDB stays the truth, so a crash
 * never needs a rebuild step. Issue #4 left for later: persisting the keyword index and a snapshot
 * of the codes, so a start at a million chunks does not re-read every chunk.
 */
import { Bm25Index } from '../core/bm25';
import { BinaryIndex } from '../core/binary-index';
import type { CandidateInfo } from '../core/rank';
import type { ChunkRow, EngramDb, SourceRow } from '../shared/db';
import type { EmbeddingModelSpec } from '../shared/model-registry';

interface SourceInfo {
  savedAt: number;
  lastSeenAt: number;
  timesSeen: number;
  saved: boolean;
}

/** Origins of captures nobody asked for (automatic capture): they do not rank as saved. */
const UNASKED: ReadonlySet<string> = new Set(['auto']);
const savedOnPurpose = (source: SourceRow): boolean => !UNASKED.has(source.origin);

export const sourceIdOf = (chunkId: string): string => chunkId.slice(0, chunkId.lastIndexOf('#'));

export class MemoryIndex {
  readonly keyword = new Bm25Index();
  readonly vectors: BinaryIndex;
  private readonly chunksOf = new Map<string, string[]>();
  private readonly sources = new Map<string, SourceInfo>();
  /** Chunks without a vector from this index's model (committed while it was loading). */
  private readonly withoutVector = new Set<string>();
  private refreshedAt = 0;
  private appliedSeq = 0;
  private syncing: Promise<void> = Promise.resolve();

  constructor(readonly model: EmbeddingModelSpec) {
    this.vectors = new BinaryIndex(model.dims, { modelId: model.id });
  }

  /** Reads every source and chunk: the rebuild, when no persisted index can be used. */
  async load(db: EngramDb): Promise<void> {
    const titles = new Map<string, string>();
    await db.transaction('r', [db.sources, db.chunks, db.indexLog], async () => {
      // Everything logged so far is in the rows read below: replaying starts after it.
      this.appliedSeq = Number((await db.indexLog.orderBy('seq').lastKey()) ?? 0);
      await db.sources
        .where('status')
        .equals('indexed')
        .each((source) => {
          titles.set(source.id, source.title);
          this.noteSource(source);
        });
      await db.chunks.each((chunk) => this.addChunk(chunk, titles.get(chunk.sourceId) ?? ''));
    });
    this.refreshedAt = Date.now();
  }

  /**
   * Apply what the index log recorded since this index last looked (commits, deletes, vectors),
   * re-reading the rows it names: IndexedDB is the truth, so applying an entry twice, or after a
   * crash, gives the same index. Calls run one after another.
   */
  sync(db: EngramDb): Promise<void> {
    const run = this.syncing.then(() => this.catchUp(db));
    this.syncing = run.catch(() => undefined);
    return run;
  }

  /** The last index-log entry reflected here. */
  get seq(): number {
    return this.appliedSeq;
  }

  /** Pick up sightings recorded since the last look (a page saved again is seen more often). */
  async refreshSightings(db: EngramDb): Promise<void> {
    const since = this.refreshedAt;
    this.refreshedAt = Date.now();
    await db.sources
      .where('lastSeenAt')
      .aboveOrEqual(since)
      .each((source) => {
        if (this.sources.has(source.id)) this.noteSource(source);
      });
  }

  /** Replace everything indexed for a source by its new chunks. */
  replaceSource(source: SourceRow, chunks: readonly ChunkRow[]): void {
    this.removeSource(source.id);
    this.noteSource(source);
    for (const chunk of chunks) this.addChunk(chunk, source.title);
  }

  removeSource(sourceId: string): void {
    for (const id of this.chunksOf.get(sourceId) ?? []) {
      this.keyword.remove(id);
      this.vectors.remove(id);
      this.withoutVector.delete(id);
    }
    this.chunksOf.delete(sourceId);
    this.sources.delete(sourceId);
  }

  setVector(chunkId: string, vector: Float32Array): void {
    this.vectors.upsert(chunkId, vector, this.timesOf(chunkId));
    this.withoutVector.delete(chunkId);
  }

  /** Up to `limit` chunks that still need a vector from this model. */
  unembedded(limit: number): string[] {
    const ids: string[] = [];
    for (const id of this.withoutVector) {
      if (ids.length >= limit) break;
      ids.push(id);
    }
    return ids;
  }

  forgetUnembedded(ids: readonly string[]): void {
    for (const id of ids) this.withoutVector.delete(id);
  }

  get chunkCount(): number {
    return this.keyword.size;
  }

  /** What ranking knows of a chunk; undefined once its source is gone. */
  infoOf(chunkId: string): CandidateInfo | undefined {
    const sourceId = sourceIdOf(chunkId);
    const source = this.sources.get(sourceId);
    if (!source) return undefined;
    const vector = this.vectors.vectorOf(chunkId);
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
    const source = this.sources.get(sourceIdOf(chunkId));
    if (!source) return false;
    const within = (t: number) => t >= from && t < to;
    return within(source.savedAt) || within(source.lastSeenAt);
  }

  private async catchUp(db: EngramDb): Promise<void> {
    const read = await db.transaction('r', [db.indexLog, db.sources, db.chunks], async () => {
      const entries = await db.indexLog.where('seq').above(this.appliedSeq).toArray();
      const whole = [...new Set(entries.filter((e) => !e.chunkIds).map((e) => e.sourceId))];
      const wholeSet = new Set(whole);
      const vectorIds = entries.flatMap((e) =>
        e.chunkIds && !wholeSet.has(e.sourceId) ? e.chunkIds : [],
      );
      return {
        last: entries.at(-1)?.seq,
        whole,
        sources: await db.sources.bulkGet(whole),
        chunks: await db.chunks.where('sourceId').anyOf(whole).sortBy('ord'),
        vectors: await db.chunks.bulkGet(vectorIds),
      };
    });
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
      if (chunk?.vector && chunk.model === this.model.id && this.keyword.has(chunk.id)) {
        this.vectors.upsertInt8(chunk.id, chunk.vector, this.timesOf(chunk.id));
        this.withoutVector.delete(chunk.id);
      }
    }
    this.appliedSeq = read.last;
  }

  /** When a chunk's source was saved and last seen: the dense index filters time ranges on it. */
  private timesOf(chunkId: string): number[] {
    const source = this.sources.get(sourceIdOf(chunkId));
    return source ? [source.savedAt, source.lastSeenAt] : [];
  }

  private noteSource(source: SourceRow): void {
    const known = this.sources.get(source.id);
    this.sources.set(source.id, {
      savedAt: source.savedAt,
      lastSeenAt: source.lastSeenAt,
      timesSeen: source.seenCount,
      saved: savedOnPurpose(source),
    });
    if (known && known.lastSeenAt !== source.lastSeenAt) {
      const times = [source.savedAt, source.lastSeenAt];
      for (const id of this.chunksOf.get(source.id) ?? []) this.vectors.setTimes(id, times);
    }
  }

  private addChunk(chunk: ChunkRow, title: string): void {
    // The title is searchable too: it is often the words a person remembers.
    this.keyword.add(chunk.id, chunk.ord === 0 && title ? `${title}\n${chunk.text}` : chunk.text);
    if (chunk.vector && chunk.model === this.model.id) {
      this.vectors.upsertInt8(chunk.id, chunk.vector, this.timesOf(chunk.id));
    } else {
      this.withoutVector.add(chunk.id);
    }
    const ids = this.chunksOf.get(chunk.sourceId);
    if (ids) ids.push(chunk.id);
    else this.chunksOf.set(chunk.sourceId, [chunk.id]);
  }
}
