/**
 * Graph backfill (issue 14): sources kept before the knowledge graph existed (schema v5 and
 * earlier), or indexed while it could not be made, have only their site entity, so a user who
 * upgrades would see an empty graph for everything already kept. At start the engine walks every
 * source once, in id order behind a cursor kept in a setting (store/graph-backfill.ts), and gives
 * each indexed source without people, organisations, places or ideas its part of the graph exactly
 * as indexing does (source-graph.ts, then graph-write.ts in one transaction). It is bulk work: each
 * source waits its turn at the indexing pace and gives way to fresh captures. Killed halfway, it
 * resumes after the last source written; once every source was looked at it never runs again
 * (sources indexed since then got their graph from indexing).
 */
import { dequantizeInt8 } from '../../core/index/vector';
import type { EngramDb, SourceRow } from '../../shared/db';
import { vectorFor } from '../../shared/store/chunk-vectors';
import { chunksOfSource } from '../../shared/store/chunks';
import {
  commitBackfilledGraph,
  countSourcesAfter,
  graphBackfillState,
  hasGraphEntities,
  saveGraphBackfill,
  sourceIdsAfter,
} from '../../shared/store/graph-backfill';
import { getSource } from '../../shared/store/source-reads';
import type { MemoryIndex } from '../index/memory-index';
import type { IndexingPace } from './indexing-pace';
import type { KnownEntities } from './known-entities';
import { sourceGraph } from './source-graph';

/** Source ids read per step of the walk (most need nothing and cost one small read). */
const BATCH = 32;

export interface GraphBackfillProgress {
  done: number;
  total: number;
}

export class GraphBackfill {
  private counted: GraphBackfillProgress | undefined;

  constructor(
    private readonly db: EngramDb,
    private readonly index: MemoryIndex,
    private readonly known: KnownEntities,
    /** Each source waits its turn while the user is active; fresh captures go first. */
    private readonly pace?: IndexingPace,
    /** Indexing's current run, if any: when a turn gives way, the walk waits for it to end. */
    private readonly indexing: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Sources looked at of those ahead at start, while the walk runs; undefined otherwise. */
  get progress(): GraphBackfillProgress | undefined {
    return this.counted;
  }

  /** Walks the sources not looked at yet; returns how many got their graph. */
  async run(): Promise<number> {
    const state = await graphBackfillState(this.db);
    if (state.done) return 0;
    let after = state.after;
    this.counted = { done: 0, total: await countSourcesAfter(this.db, after) };
    let written = 0;
    try {
      for (let ids = await sourceIdsAfter(this.db, after, BATCH); ids.length > 0;) {
        for (const id of ids) {
          const source = await getSource(this.db, id);
          if (source && (await this.needsGraph(source))) {
            // False when fresh work arrived: let it index first, then take this source's turn.
            while (this.pace && !(await this.pace.turn())) await this.indexing();
            const named = await commitBackfilledGraph(this.db, source, await this.graphOf(source));
            if (named) {
              this.known.learn(named);
              written++;
            }
          }
          after = id;
          this.counted.done++;
        }
        // Sources that needed nothing move the cursor once per step, not once each.
        await saveGraphBackfill(this.db, { ...(after ? { after } : {}), done: false });
        ids = await sourceIdsAfter(this.db, after, BATCH);
      }
      await saveGraphBackfill(this.db, { done: true });
    } finally {
      this.counted = undefined;
    }
    return written;
  }

  /**
   * Indexed sources whose mentions are their site alone. One still queued gets its graph when
   * its job runs; a glimpse or an address kept alone has nothing more to give (source-graph.ts).
   */
  private async needsGraph(source: SourceRow): Promise<boolean> {
    if (source.status !== 'indexed') return false;
    if (source.kind === 'glimpse' || source.extractor === 'url-only') return false;
    return !(await hasGraphEntities(this.db, source.id));
  }

  /** The source's graph, from its stored chunk vectors (no model runs) for its nearest sources. */
  private async graphOf(source: SourceRow) {
    const model = this.index.model.id;
    const chunks = await chunksOfSource(this.db, source.id);
    const vectors = chunks.flatMap((chunk) => {
      const v = vectorFor(chunk, model);
      return v ? [dequantizeInt8(v.vector, v.scale)] : [];
    });
    return sourceGraph(source, this.index, this.known, vectors);
  }
}
