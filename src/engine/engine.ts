/** The engine: indexes, models, ingest and answers, owned by the offscreen document. */
import { db } from '../shared/db';
import { embeddingModel, generationModel } from '../shared/model-registry';
import type { EngineStatus } from '../shared/protocol';
import { readSetting } from '../shared/settings';
import { unfinishedAnswers } from '../shared/store/conversations';
import { Answerer } from './answer';
import { Embedder } from './embedder';
import { Generator } from './generator';
import { Ingestor } from './ingest';
import { MemoryIndex } from './memory-index';
import { configureRuntime } from './runtime-env';

export class Engine {
  private constructor(
    readonly embedder: Embedder,
    readonly generator: Generator,
    readonly index: MemoryIndex,
    readonly ingestor: Ingestor,
    readonly answerer: Answerer,
  ) {}

  /** Ready to search: runtime configured and indexes loaded. Models keep loading after this. */
  static async start(): Promise<Engine> {
    const store = db();
    const embedder = new Embedder(embeddingModel(await readSetting(store, 'embeddingModel')));
    const generator = new Generator(generationModel(await readSetting(store, 'generationModel')));
    await configureRuntime(await readSetting(store, 'modelHost'), (download) => {
      const model = [embedder, generator].find((m) => m.spec.id === download.model);
      model?.status.onDownload(download);
    });
    // The persisted indexes are written after 10 s without changes (and every 2,000 changes).
    const index = new MemoryIndex(embedder.spec, { persistAfterMs: 10_000 });
    await index.load(store);
    const ingestor = new Ingestor(store, index, embedder);
    const engine = new Engine(
      embedder,
      generator,
      index,
      ingestor,
      new Answerer(store, index, embedder, generator),
    );
    // Warm the embedder first (indexing and search need it), then the language model.
    void embedder
      .load()
      .then(() => ingestor.backfill())
      .catch((error: unknown) => console.warn('Engram: embedding model:', error))
      .finally(() => void generator.load().catch(() => undefined));
    void ingestor.kick();
    for (const message of await unfinishedAnswers(store)) void engine.answerer.answer(message.id);
    return engine;
  }

  async status(): Promise<EngineStatus> {
    const describe = (model: Embedder | Generator) => ({
      state: model.status.state,
      model: model.spec.id,
      ...(model.status.error ? { error: model.status.error } : {}),
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
