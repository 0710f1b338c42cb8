/** Sentence embeddings with transformers.js: mean-pooled, normalised, batched. */
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { LazyModel } from './lazy-model';
import type { EmbeddingModelSpec } from '../../shared/model-registry';
import { ModelState } from './model-state';
import { pipelineOptions, type ModelRuntime } from './model-runtime';

const BATCH = 16;

export class Embedder {
  private readonly model: LazyModel<FeatureExtractionPipeline>;

  constructor(
    readonly spec: EmbeddingModelSpec,
    readonly runtime: ModelRuntime = { device: 'wasm' },
  ) {
    this.model = new LazyModel(
      new ModelState(spec.id, 'embed'),
      (state) => pipeline('feature-extraction', spec.id, pipelineOptions(spec, runtime, state)),
      { dispose: (extract) => extract.dispose(), idleMs: runtime.idleUnloadMs ?? 0 },
    );
  }

  get status(): ModelState {
    return this.model.status;
  }

  get isReady(): boolean {
    return this.model.ready !== undefined;
  }

  /** The loaded model, to unload it, change when it unloads, or retry a failed load now. */
  get lifecycle(): Pick<LazyModel<FeatureExtractionPipeline>, 'unload' | 'setIdleMs' | 'retryNow'> {
    return this.model;
  }

  load(): Promise<unknown> {
    return this.model.load();
  }

  embed(texts: readonly string[], kind: 'query' | 'passage'): Promise<Float32Array[]> {
    const prefix = kind === 'query' ? this.spec.queryPrefix : this.spec.passagePrefix;
    return this.model.use(async (extract) => {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const batch = texts.slice(i, i + BATCH).map((t) => prefix + t);
        const output = await extract(batch, { pooling: 'mean', normalize: true });
        const dims = output.dims[1] ?? 0;
        const data = output.data as Float32Array;
        for (let row = 0; row < batch.length; row++) {
          vectors.push(data.slice(row * dims, (row + 1) * dims));
        }
      }
      return vectors;
    });
  }
}
