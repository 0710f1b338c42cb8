/**
 * Stage 2 and 3 of the capture pipeline, in the engine: take queued ingest jobs, chunk, embed and
 * find the source's entities, nearest sources and known names (source-graph.ts) outside any
 * transaction, then commit chunks, vectors and graph rows in one transaction.
 * Chunks committed before the embedding model was ready are searchable by keyword at once and
 * get their vectors when the model arrives (backfill).
 * A write refused for lack of space is no fault of the job: its attempt is given back, the run
 * stops with the job still queued, and `onDiskFull` tells the service worker (`disk/full`), which
 * wakes the engine again when space is back (background/disk-watch.ts).
 */
import { chunkText } from '../../core/text/chunk';
import { quantizeInt8 } from '../../core/index/vector';
import type { ChunkRow, EngramDb, JobRow, SourceRow } from '../../shared/db';
import { isQuotaError } from '../../shared/disk-full';
import { errorMessage } from '../../shared/dispatch';
import { chunkId, chunksById } from '../../shared/store/chunks';
import {
  beginAttempt,
  commitSource,
  commitVectors,
  giveBackAttempt,
  recordFailure,
} from '../../shared/store/index-commit';
import { dropJob, fewestAttemptsFirst, queuedJobs } from '../../shared/store/jobs';
import { getSource } from '../../shared/store/source-reads';
import type { Embedder } from '../models/embedder';
import type { IndexingPace } from './indexing-pace';
import { KnownEntities } from './known-entities';
import { sourceGraph } from './source-graph';
import type { MemoryIndex } from '../index/memory-index';

/** How long indexing waits for a loading embedder before committing keyword-only chunks. */
const EMBEDDER_WAIT_MS = 5_000;
const BACKFILL_BATCH = 64;

export class Ingestor {
  private running: Promise<void> | undefined;
  private again = false;
  /** The names in the graph, found in new text; learns each commit's new names. */
  readonly known: KnownEntities;

  constructor(
    private readonly db: EngramDb,
    private readonly index: MemoryIndex,
    private readonly embedder: Embedder,
    /** Fresh captures first, bulk work held back while the user is active; counts for the UI. */
    private readonly pace?: IndexingPace,
    /** A write failed for lack of space: the engine tells the service worker. */
    private readonly onDiskFull: () => void = () => undefined,
  ) {
    this.known = new KnownEntities(db);
  }

  /** Process queued jobs; calls during a run make the run look again before it stops. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      this.pace?.nudge();
      return this.running;
    }
    this.running = (async () => {
      // A capture of something already in memory adds no job, only a sighting: note it for ranking.
      await this.index.refreshSightings(this.db);
      do {
        this.again = false;
        const jobs = await queuedJobs(this.db);
        this.pace?.plan(jobs.length);
        // A job whose earlier try stopped the engine waits behind the others (store/jobs.ts).
        for (const job of fewestAttemptsFirst(this.pace?.order(jobs) ?? jobs)) {
          // Bulk work gives way to a fresh capture: take the queue again, fresh jobs first.
          if (this.pace && !(await this.pace.turn(job.createdAt))) {
            this.again = true;
            break;
          }
          // No room to write: the rest of the queue would fail the same way. It waits, queued.
          if ((await this.process(job)) === 'disk-full') return;
          this.pace?.finished();
        }
      } while (this.again);
    })().finally(() => {
      this.pace?.reset();
      this.running = undefined;
    });
    return this.running;
  }

  /** Resolves when the current run of the queue (if any) is over. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async process(job: JobRow): Promise<'disk-full' | void> {
    const source = await getSource(this.db, job.sourceId);
    if (!source) {
      await dropJob(this.db, job.id);
      return;
    }
    // Waiting for the model is no risk to the engine; the attempt counts from the work on the text.
    await this.embedderSettled();
    if ((await beginAttempt(this.db, job.id)) === undefined) return;
    try {
      const { chunks, vectors } = await this.chunksOf(source);
      const graph = await sourceGraph(source, this.index, this.known, vectors);
      const committed = await commitSource(this.db, {
        source,
        chunks,
        ...(graph ? { graph } : {}),
      });
      // The names it brought are looked for in the next pages' text.
      if (committed) this.known.learn(committed.named);
      // The index reads the commit back from its log: a source deleted meanwhile stays out.
      await this.index.sync(this.db);
    } catch (error) {
      if (isQuotaError(error)) {
        console.warn(`Engram: no space to index ${source.id}; it waits for space:`, error);
        this.onDiskFull();
        await giveBackAttempt(this.db, job.id).catch(() => undefined);
        return 'disk-full';
      }
      console.warn(`Engram: indexing ${source.id} failed:`, error);
      await recordFailure(this.db, source.id, errorMessage(error));
    }
  }

  /** A loading embedder gets a few seconds; after that chunks are committed keyword-only. */
  private async embedderSettled(): Promise<void> {
    if (this.embedder.status.state === 'loading' || this.embedder.status.state === 'idle') {
      await Promise.race([
        this.embedder.load().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, EMBEDDER_WAIT_MS)),
      ]);
    }
  }

  private async chunksOf(
    source: SourceRow,
  ): Promise<{ chunks: ChunkRow[]; vectors: Float32Array[] }> {
    const selection = source.selection && !source.text.includes(source.selection);
    const text = selection ? `${source.text}\n\n${source.selection}` : source.text;
    const pieces = chunkText(text);
    const vectors = this.embedder.isReady
      ? await this.embedder.embed(
          pieces.map((p) => p.text),
          'passage',
        )
      : undefined;
    const chunks = pieces.map((piece, ord) => {
      const vector = vectors?.[ord];
      return {
        id: chunkId(source.id, ord),
        sourceId: source.id,
        ord,
        text: piece.text,
        start: piece.start,
        end: piece.end,
        ...(vector ? { ...quantizeInt8(vector), model: this.embedder.spec.id } : {}),
      };
    });
    return { chunks, vectors: vectors ?? [] };
  }

  /** Embed chunks that have no vector from the current model (committed while it was loading). */
  async backfill(): Promise<number> {
    const model = this.embedder.spec.id;
    let done = 0;
    // The index already knows which chunks have no vector from this model: no table scan at start.
    for (let ids = this.index.unembedded(BACKFILL_BATCH); ids.length > 0;) {
      // Backfill is bulk work: it waits while the user is active, and lets fresh captures first.
      while (this.pace && !(await this.pace.turn())) await this.running;
      const missing = await chunksById(this.db, ids);
      const vectors = await this.embedder.embed(
        missing.map((c) => c.text),
        'passage',
      );
      const committed = await commitVectors(
        this.db,
        missing.flatMap((chunk, i) => {
          const vector = vectors[i];
          return vector ? [{ chunkId: chunk.id, ...quantizeInt8(vector), model }] : [];
        }),
      ).then(
        () => true,
        (error: unknown) => {
          if (!isQuotaError(error)) throw error;
          // No room for the vectors: they are made again when the engine next runs backfill.
          this.onDiskFull();
          return false;
        },
      );
      if (!committed) return done;
      await this.index.sync(this.db);
      // Chunks deleted meanwhile, or left without a vector, must not be asked for forever.
      this.index.forgetUnembedded(ids);
      done += missing.length;
      ids = this.index.unembedded(BACKFILL_BATCH);
    }
    return done;
  }
}
