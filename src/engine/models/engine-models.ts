/**
 * The engine's model runtime: the device chosen (WebGPU only once verified, else WASM), the WASM
 * threads, how long an unused model stays loaded, the indexing pace, and the timings the
 * benchmarks read (document start → embedder ready).
 */
import { env } from '@huggingface/transformers';
import type { EngineStatus } from '../../shared/protocol';
import type { EngineRuntime } from '../../shared/engine-info';
import type { EmbeddingModelSpec } from '../../shared/model-registry';
import {
  chooseDevice,
  hasWebGpuAdapter,
  rememberedVerdict,
  verifyWebGpu,
  type VerdictStore,
} from './device-choice';
import { Embedder } from './embedder';
import { IndexingPace } from '../ingest/indexing-pace';
import type { ModelRuntime } from './model-runtime';

export class EngineModels {
  readonly pace = new IndexingPace();
  /** When this document started (the offscreen document's creation), epoch ms. */
  readonly documentStartedAt = performance.timeOrigin;
  embedderReadyAt: number | undefined;
  /** Epoch ms of each step of the start, for the cold-start benchmark. */
  private readonly phases: Record<string, number> = {};

  private constructor(
    readonly runtime: EngineRuntime,
    readonly modelRuntime: ModelRuntime,
    private readonly verdicts: VerdictStore,
  ) {}

  /** Choose the device for `spec` (after configureRuntime set the WASM threads). */
  static async choose(
    spec: EmbeddingModelSpec,
    idleUnloadMs: number,
    verdicts: VerdictStore = localStorage,
  ): Promise<EngineModels> {
    const adapter = await hasWebGpuAdapter((navigator as { gpu?: unknown }).gpu);
    const { device, webgpu } = chooseDevice(
      adapter,
      rememberedVerdict(verdicts, spec.id, spec.dtype.webgpu),
    );
    const runtime: EngineRuntime = {
      device,
      webgpu,
      threads: env.backends.onnx.wasm?.numThreads ?? 1,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
    const models = new EngineModels(runtime, { device, idleUnloadMs }, verdicts);
    models.mark('runtime configured');
    return models;
  }

  /** Once the embedder is ready on WASM: check WebGPU if there is one and it is unverified. */
  async embedderReady(embedder: Embedder): Promise<void> {
    this.embedderReadyAt ??= this.mark('embedder ready');
    if (this.runtime.webgpu !== 'unverified') return;
    const spec = embedder.spec;
    const onGpu = new Embedder(spec, { device: 'webgpu' });
    try {
      const { verdict, cosine } = await verifyWebGpu(
        spec,
        async (device, text) => {
          const model = device === 'webgpu' ? onGpu : embedder;
          const [vector] = await model.embed([text], 'passage');
          if (!vector) throw new Error('no vector');
          return vector;
        },
        this.verdicts,
      );
      // Used from the next engine start: the vectors in memory now were made on WASM.
      console.info(`Engram: ${spec.id} on WebGPU: ${verdict} (cosine ${cosine.toFixed(4)})`);
    } finally {
      await onGpu.lifecycle.unload();
      // The check's model shares the row of the model in use: write the real state back.
      await embedder.status.set(embedder.status.state, embedder.status.failure);
    }
  }

  mark(phase: string): number {
    return (this.phases[phase] ??= performance.timeOrigin + performance.now());
  }

  report(): Pick<EngineStatus, 'runtime' | 'indexing' | 'timings'> {
    return {
      runtime: this.runtime,
      indexing: this.pace.progress,
      timings: {
        documentStartedAt: this.documentStartedAt,
        phases: { ...this.phases },
        ...(this.embedderReadyAt === undefined ? {} : { embedderReadyAt: this.embedderReadyAt }),
      },
    };
  }
}
