/** The engine: indexes, models, ingest and answers, owned by the offscreen document. */
import { liveQuery } from 'dexie';
import { db, type EngramDb } from '../shared/db';
import { onGraphEdit } from '../shared/graph-edits';
import { send } from '../shared/messaging';
import { generationModel, speechModel, speechModelId } from '../shared/model-registry';
import type { EngineStatus } from '../shared/protocol';
import { readSetting } from '../shared/settings';
import { unfinishedAnswers } from '../shared/store/conversations';
import { countQueuedJobs } from '../shared/store/jobs';
import { countSources } from '../shared/store/source-reads';
import { Answerer } from './answer/answer';
import { BuiltInModel } from './models/built-in-model';
import { Embedder } from './models/embedder';
import { EngineModels } from './models/engine-models';
import { Generator } from './models/generator';
import { Transcriber } from './models/transcriber';
import { GraphBackfill } from './ingest/graph-backfill';
import { Ingestor } from './ingest/ingest';
import { MemoryIndex } from './index/memory-index';
import { embeddingPlan, ReEmbedder } from './ingest/reembed';
import type { ModelState } from './models/model-state';
import { configureRuntime } from './models/runtime-env';
import { holdLifeline } from './lifeline';

/**
 * The queue, watched (Dexie's liveQuery sees the service worker's writes): a job the worker
 * queued but could not announce (it was stopped between storing a capture and waking the engine)
 * is taken up all the same. While jobs wait, the lifeline is held (./lifeline.ts).
 */
function watchQueue(store: EngramDb, ingestor: Ingestor): void {
  let last = 0;
  liveQuery(() => countQueuedJobs(store)).subscribe({
    next: (queued) => {
      if (queued > 0) holdLifeline();
      if (queued > last) void ingestor.kick();
      last = queued;
    },
    error: (error: unknown) => console.warn('Engram: watching the queue:', error),
  });
}

export class Engine {
  private constructor(
    readonly embedder: Embedder,
    readonly generator: Generator,
    readonly index: MemoryIndex,
    readonly ingestor: Ingestor,
    readonly answerer: Answerer,
    readonly models: EngineModels,
    readonly transcriber: Transcriber,
    readonly graphBackfill: GraphBackfill,
  ) {}

  /** Ready to search: runtime configured and indexes loaded. Models keep loading after this. */
  static async start(): Promise<Engine> {
    const store = db();
    // The model in use, and the one memory is being re-embedded for after a switch (issue 3).
    const plan = await embeddingPlan(store, await readSetting(store, 'embeddingModel'));
    const embeddingSpec = plan.active;
    // Set up before choosing a device: the runtime sets the WASM threads it reports. The models
    // that downloads report to are made after the device is chosen, so they sign up below.
    const downloads = new Map<string, ModelState>();
    await configureRuntime(
      await readSetting(store, 'modelHost'),
      (download) => downloads.get(download.model)?.onDownload(download),
      // Read at each file that is not on this device yet: "Download" takes effect at once.
      async () => (await readSetting(store, 'modelDownloads')) === 'allowed',
    );
    const idleMs = (await readSetting(store, 'modelIdleMinutes')) * 60_000;
    const models = await EngineModels.choose(embeddingSpec, idleMs);
    const embedder = new Embedder(embeddingSpec, models.modelRuntime);
    const builtIn = new BuiltInModel();
    const generator = new Generator(
      generationModel(await readSetting(store, 'generationModel')),
      models.modelRuntime,
      builtIn.present ? builtIn : undefined,
      __ENGRAM_FIXTURE_MODELS__ ? await readSetting(store, 'generationMinTokens') : 0,
    );
    // Speech is loaded on the first press of a microphone, not here: most days it is not used.
    const transcriber = new Transcriber(speechModel(speechModelId()), models.modelRuntime);
    for (const model of [embedder, generator, transcriber]) {
      downloads.set(model.spec.id, model.status);
    }
    // The persisted indexes are written after 10 s without changes (and every 2,000 changes).
    // A write refused for lack of space: the service worker sets the flag and tells the user.
    const onDiskFull = () => void send('disk/full', {}).catch(() => undefined);
    const index = new MemoryIndex(embedder.spec, {
      persistAfterMs: 10_000,
      onDiskFull,
      ...(plan.next ? { next: plan.next } : {}),
    });
    await index.load(store);
    models.mark('indexes loaded');
    const ingestor = new Ingestor(store, index, embedder, models.pace, onDiskFull);
    // The user renamed, merged or deleted an entity (in the service worker): names read again.
    onGraphEdit(() => ingestor.known.reset());
    // Sources kept before the graph existed get their entities, at the indexing pace.
    const graphBackfill = new GraphBackfill(store, index, ingestor.known, models.pace, () =>
      ingestor.settled(),
    );
    const engine = new Engine(
      embedder,
      generator,
      index,
      ingestor,
      new Answerer(store, index, embedder, generator, undefined, ingestor.known),
      models,
      transcriber,
      graphBackfill,
    );
    engine.warm();
    void ingestor.kick();
    watchQueue(store, ingestor);
    void graphBackfill
      .run()
      .catch((error: unknown) => console.warn('Engram: graph backfill:', error));
    if (plan.next) {
      // When every chunk has the new model's vector, the engine starts again on that model.
      const next = new Embedder(plan.next, models.modelRuntime);
      void new ReEmbedder(store, index, next, () => location.reload(), models.pace)
        .run()
        .catch((error: unknown) => console.warn('Engram: re-embedding:', error));
    }
    const unfinished = await unfinishedAnswers(store);
    if (unfinished.length > 0) holdLifeline();
    for (const message of unfinished) void engine.answerer.answer(message.id);
    return engine;
  }

  /**
   * Load the embedder first (indexing and search need it), then the language model. Where model
   * downloads wait for the user, models not on this device stay `not-downloaded` (no request is
   * made); the user's "Download" calls this again (models/model-handlers.ts).
   */
  warm(): void {
    void this.embedder
      .load()
      .then(async () => {
        void this.models.embedderReady(this.embedder).catch((error: unknown) => {
          console.warn('Engram: WebGPU check:', error);
        });
        await this.ingestor.backfill();
      })
      .catch((error: unknown) => console.warn('Engram: embedding model:', error))
      .finally(() => void this.generator.load().catch(() => undefined));
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
      sources: await countSources(db()),
      chunks: this.index.chunkCount,
      ...(this.index.reembedding ? { reembedding: this.index.reembedding } : {}),
      ...(this.graphBackfill.progress ? { graphBackfill: this.graphBackfill.progress } : {}),
      pendingJobs: await countQueuedJobs(db()),
      ...this.models.report(),
    };
  }
}
