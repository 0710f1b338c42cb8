/**
 * Re-embedding memory for a newly chosen embedding model (issue 3), in the background: the model
 * in use keeps embedding questions and its index keeps answering, while the new model embeds
 * every chunk into the other vector slot of its row and into a side index nobody searches. When
 * every chunk has a new vector, both indexes are persisted and one write makes the new model the
 * one in use; the engine then starts again on it. Never a mixed index: search reads one model's
 * index only. A restart resumes where it stopped (the new vectors are in the rows and the
 * persisted side index; the log covers the rest).
 */
import { quantizeInt8 } from '../../core/index/vector';
import type { EngramDb } from '../../shared/db';
import { embeddingModel, modelSpec, type EmbeddingModelSpec } from '../../shared/model-registry';
import { readSetting, writeSetting } from '../../shared/settings';
import { chunksById, countChunks } from '../../shared/store/chunks';
import { commitVectors } from '../../shared/store/index-commit';
import type { Embedder } from '../models/embedder';
import type { IndexingPace } from './indexing-pace';
import type { MemoryIndex } from '../index/memory-index';

const BATCH = 64;

/** The model whose vectors search uses (the `activeEmbeddingModel` setting, kept by the engine). */
export async function activeEmbeddingModel(db: EngramDb): Promise<string | undefined> {
  return readSetting(db, 'activeEmbeddingModel');
}

export async function setActiveEmbeddingModel(db: EngramDb, model: string): Promise<void> {
  await writeSetting(db, 'activeEmbeddingModel', model);
}

export interface EmbeddingPlan {
  /** The model search uses now (its embedder embeds questions and new captures). */
  active: EmbeddingModelSpec;
  /** The model chosen in the settings, when memory still has to be re-embedded for it. */
  next?: EmbeddingModelSpec;
}

/** Which embedding models the engine runs, given the one the settings name. */
export async function embeddingPlan(db: EngramDb, chosen: string): Promise<EmbeddingPlan> {
  const target = embeddingModel(chosen);
  const stored = await activeEmbeddingModel(db);
  const active = stored && modelSpec(stored)?.task === 'embed' ? embeddingModel(stored) : undefined;
  if (active?.id === target.id) return { active };
  // First start, a model no longer registered, or nothing to re-embed: use the chosen one now.
  if (!active || (await countChunks(db)) === 0) {
    await setActiveEmbeddingModel(db, target.id);
    return { active: target };
  }
  return { active, next: target };
}

export class ReEmbedder {
  /**
   * @param embedder the next model's embedder
   * @param onSwitched called once the next model is the one in use (the engine restarts on it)
   * @param pace re-embedding is bulk work: each batch waits its turn while the user is active
   */
  constructor(
    private readonly db: EngramDb,
    private readonly index: MemoryIndex,
    private readonly embedder: Embedder,
    private readonly onSwitched: () => void,
    private readonly pace?: IndexingPace,
  ) {}

  async run(): Promise<void> {
    const model = this.embedder.spec.id;
    if (this.index.next?.id !== model) throw new Error(`Not re-embedding for ${model}`);
    await this.embedder.load();
    for (let ids = this.index.nextUnembedded(BATCH); ids.length > 0;) {
      // False when fresh work arrived: it runs on its own, this batch just waits its turn again.
      while (this.pace && !(await this.pace.turn()));
      const chunks = await chunksById(this.db, ids);
      const vectors = await this.embedder.embed(
        chunks.map((c) => c.text),
        'passage',
      );
      const made = chunks.flatMap((chunk, i) => {
        const vector = vectors[i];
        return vector ? [{ chunkId: chunk.id, ...quantizeInt8(vector), model }] : [];
      });
      // The model in use keeps its slot: its index answers until the switch.
      await commitVectors(this.db, made, this.index.model.id);
      await this.index.sync(this.db);
      this.index.forgetNextUnembedded(ids); // deleted meanwhile, or no vector came back
      ids = this.index.nextUnembedded(BATCH);
    }
    // Persisted first, so the engine starts on the new model from its index, not from the rows.
    await this.index.persist(this.db);
    await setActiveEmbeddingModel(this.db, model);
    this.onSwitched();
  }
}
