/** Sentence embeddings with transformers.js: mean-pooled, normalised, batched. */
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { LazyModel } from './lazy-model';
import type { Device, EmbeddingModelSpec } from '../shared/model-registry';
import { ModelState } from './model-state';

const BATCH = 16;

export class Embedder {
  private readonly model: LazyModel<FeatureExtractionPipeline>;

  constructor(
    readonly spec: EmbeddingModelSpec,
    device: Device = 'wasm',
  ) {
    this.model = new LazyModel(new ModelState(spec.id, 'embed'), (state) =>
      pipeline('feature-extraction', spec.id, {
        dtype: spec.dtype[device],
        device,
        // Downloads report through the model store; transformers.js's own events only say how
        // fast it reads finished files back, and asking for them costs a probe request per file.
        ...(__ENGRAM_MODEL_SOURCE__ === 'packaged' ? { progress_callback: state.onProgress } : {}),
      }),
    );
  }

  get status(): ModelState {
    return this.model.status;
  }

  get isReady(): boolean {
    return this.model.ready !== undefined;
  }

  load(): Promise<unknown> {
    return this.model.load();
  }

  async embed(texts: readonly string[], kind: 'query' | 'passage'): Promise<Float32Array[]> {
    const extract = await this.model.load();
    const prefix = kind === 'query' ? this.spec.queryPrefix : this.spec.passagePrefix;
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
  }
}
