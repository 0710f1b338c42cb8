/** The engine: indexes, models, ingest and answers, owned by the offscreen document. */
import { db } from '../shared/db';
import type { EngineStatus } from '../shared/protocol';
import { readSetting } from '../shared/settings';
import { unfinishedAnswers } from '../shared/store/conversations';
import { Answerer } from './answer';
import { Embedder } from './embedder';
import { Generator } from './generator';
import { Ingestor } from './ingest';
import { MemoryIndex } from './memory-index';
import { catalog } from './model-catalog';
import { configureRuntime } from './runtime-env';

export class Engine {
  readonly embedder = new Embedder(catalog.embedding);
  readonly generator = new Generator(catalog.generation);
  readonly index = new MemoryIndex(catalog.embedding);
  readonly ingestor = new Ingestor(db(), this.index, this.embedder);
  readonly answerer = new Answerer(db(), this.index, this.embedder, this.generator);

  /** Ready to search: runtime configured and indexes loaded. Models keep loading after this. */
  async start(): Promise<void> {
    configureRuntime(await readSetting(db(), 'modelHost'));
    await this.index.load(db());
    // Warm the embedder first (indexing and search need it), then the language model.
    void this.embedder
      .load()
      .then(() => this.ingestor.backfill())
      .catch((error: unknown) => console.warn('Engram: embedding model:', error))
      .finally(() => {
        if (catalog.generation) void this.generator.load().catch(() => undefined);
      });
    void this.ingestor.kick();
    for (const message of await unfinishedAnswers(db())) void this.answerer.answer(message.id);
  }

  async status(): Promise<EngineStatus> {
    const describe = (m: {
      status: { state: EngineStatus['embedder']['state']; error?: string | undefined };
      spec: { id: string };
    }) => ({
      state: m.status.state,
      model: m.spec.id,
      ...(m.status.error ? { error: m.status.error } : {}),
    });
    return {
      embedder: describe(this.embedder),
      generator: describe(this.generator),
      sources: await db().sources.count(),
      chunks: this.index.chunkCount,
      pendingJobs: await db().jobs.where('status').equals('queued').count(),
    };
  }
}
