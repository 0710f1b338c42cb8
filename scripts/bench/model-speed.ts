/**
 * Embedding throughput and generation speed through Engram's engine code (Embedder, Generator)
 * against the raw transformers.js pipeline on the same model, texts, dtype, batch size and
 * thread count, in the same run. Node runs ONNX Runtime's CPU backend (onnxruntime-node) with
 * the dtype the extension runs on WASM: the ratio measures what Engram's code adds, not the
 * browser. Rounds alternate Engram and raw so that a busy machine slows both alike.
 */
import 'fake-indexeddb/auto';
import {
  env,
  pipeline,
  TextStreamer,
  type FeatureExtractionPipeline,
  type Message,
  type TextGenerationPipeline,
} from '@huggingface/transformers';
import type { EmbeddingModelSpec, GenerationModelSpec } from '../../src/shared/model-registry';
import type { ModelRuntime } from '../../src/engine/models/model-runtime';
import { Embedder } from '../../src/engine/models/embedder';
import { Generator, stripThinking } from '../../src/engine/models/generator';
import { percentile, round } from './measure';

/** The batch Embedder sends to the pipeline; the raw side sends the same. */
const BATCH = 16;

// The defines Vite bakes into a build: a build that downloads (no transformers.js progress
// callback, which would cost both sides the same, and the raw side does not ask for it).
Object.assign(globalThis, { __ENGRAM_MODEL_SOURCE__: 'host' });

export interface Where {
  /** A folder in the hub's layout for fixture models; remote models come from the hub. */
  localModelPath: string;
  remote: boolean;
}

function configure(where: Where): void {
  env.allowLocalModels = true;
  env.localModelPath = where.localModelPath;
  env.allowRemoteModels = where.remote;
}

export const runtimeFor = (threads: number): ModelRuntime => ({
  device: 'cpu',
  sessionOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 },
});

export interface EmbeddingResult {
  model: string;
  dtype: string;
  texts: number;
  characters: number;
  threads: number;
  rounds: number;
  engram_texts_per_s: number;
  raw_texts_per_s: number;
  /** Median over back-to-back pairs of Engram ÷ raw throughput (goal ≥ 0.9). */
  ratio: number;
  /** Each round's Engram ÷ raw throughput, in order. */
  pair_ratios: number[];
  /** Engram's vectors equal the raw pipeline's (same prefix, pooling, normalisation). */
  same_vectors: boolean;
}

export async function benchEmbedding(
  spec: EmbeddingModelSpec,
  texts: readonly string[],
  threads: number,
  where: Where,
  rounds = 20, // even: each side goes first equally often
): Promise<EmbeddingResult> {
  configure(where);
  const runtime = runtimeFor(threads);
  const dtype = spec.dtype.wasm;
  const engram = new Embedder(spec, runtime);
  await engram.load();
  const raw: FeatureExtractionPipeline = await pipeline('feature-extraction', spec.id, {
    dtype,
    device: 'cpu',
    session_options: runtime.sessionOptions,
  });
  const rawEmbed = async (): Promise<Float32Array[]> => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH).map((t) => spec.passagePrefix + t);
      const output = await raw(batch, { pooling: 'mean', normalize: true });
      const dims = output.dims[1] ?? 0;
      const data = output.data as Float32Array;
      for (let row = 0; row < batch.length; row++)
        out.push(data.slice(row * dims, (row + 1) * dims));
    }
    return out;
  };
  // Warm both (first runs allocate), and check they compute the same thing.
  const [a, b] = [await engram.embed(texts, 'passage'), await rawEmbed()];
  const same = a.length === b.length && a.every((v, i) => maxDiff(v, b[i]!) < 1e-5);
  const engramTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const [first, second] =
      r % 2 === 0 ? [engramTimes, rawTimes] : ([rawTimes, engramTimes] as const);
    for (const times of [first, second]) {
      const t = performance.now();
      await (times === engramTimes ? engram.embed(texts, 'passage') : rawEmbed());
      times.push(performance.now() - t);
    }
  }
  await engram.lifecycle.unload();
  await raw.dispose();
  const perSecond = (times: number[]) => texts.length / (percentile(times, 0.5) / 1000);
  const pairRatios = rawTimes.map((t, i) => t / engramTimes[i]!);
  const engramRate = perSecond(engramTimes);
  const rawRate = perSecond(rawTimes);
  return {
    model: spec.id,
    dtype,
    texts: texts.length,
    characters: texts.reduce((n, t) => n + t.length, 0),
    threads,
    rounds,
    engram_texts_per_s: round(engramRate, 1),
    raw_texts_per_s: round(rawRate, 1),
    // Pair by pair (each round's two runs back to back): a busy machine skews neither side.
    ratio: round(percentile(pairRatios, 0.5), 3),
    pair_ratios: pairRatios.map((r) => round(r, 3)),
    same_vectors: same,
  };
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

interface GenerationRun {
  ttftMs: number;
  totalMs: number;
  text: string;
}

export interface GenerationResult {
  model: string;
  dtype: string;
  threads: number;
  prompts: number;
  rounds: number;
  new_tokens: number;
  engram_ttft_ms: number;
  raw_ttft_ms: number;
  engram_tokens_per_s: number;
  raw_tokens_per_s: number;
  /** Median over back-to-back pairs of raw ÷ Engram time to first token (goal ≥ 0.9). */
  ttft_ratio: number;
  /** Median over back-to-back pairs of Engram ÷ raw tokens per second (goal ≥ 0.9). */
  tokens_per_s_ratio: number;
  same_text: boolean;
}

export async function benchGeneration(
  spec: GenerationModelSpec,
  prompts: readonly Message[][],
  threads: number,
  where: Where,
  rounds = 8, // even: each side goes first equally often
): Promise<GenerationResult> {
  configure(where);
  const runtime = runtimeFor(threads);
  const dtype = spec.dtype.wasm;
  const engram = new Generator(spec, runtime);
  await engram.load();
  const raw: TextGenerationPipeline = await pipeline('text-generation', spec.id, {
    dtype,
    device: 'cpu',
    session_options: runtime.sessionOptions,
  });

  const timed = async (run: (onText: () => void) => Promise<string>): Promise<GenerationRun> => {
    const t = performance.now();
    let first = 0;
    const text = await run(() => {
      if (first === 0) first = performance.now();
    });
    const end = performance.now();
    return { ttftMs: (first || end) - t, totalMs: end - t, text };
  };
  const viaEngram = (messages: Message[]) => timed((onText) => engram.generate(messages, onText));
  const viaRaw = (messages: Message[]) =>
    timed(async (onText) => {
      let text = '';
      const streamer = new TextStreamer(raw.tokenizer, {
        skip_prompt: true,
        skip_special_tokens: true,
        callback_function: (piece: string) => {
          text += piece;
          onText();
        },
      });
      // The same turns Generator builds: the model's user suffix (e.g. Qwen3's /no_think).
      const turns = messages.map((m) =>
        m.role === 'user' && typeof m.content === 'string'
          ? { ...m, content: m.content + spec.userSuffix }
          : m,
      );
      await raw(turns, {
        max_new_tokens: spec.maxNewTokens,
        do_sample: false,
        // The model's chat-template switches, as Generator passes them (Qwen3: no thinking).
        ...(spec.chatTemplateOptions
          ? { tokenizer_encode_kwargs: { ...spec.chatTemplateOptions } }
          : {}),
        streamer,
      });
      return stripThinking(text).trim();
    });

  await viaEngram(prompts[0]!);
  await viaRaw(prompts[0]!);
  const runs = { engram: [] as GenerationRun[], raw: [] as GenerationRun[] };
  for (let r = 0; r < rounds; r++) {
    for (const messages of prompts) {
      const order = r % 2 === 0 ? (['engram', 'raw'] as const) : (['raw', 'engram'] as const);
      for (const side of order) {
        runs[side].push(await (side === 'engram' ? viaEngram(messages) : viaRaw(messages)));
      }
    }
  }
  const tokens = (text: string) => raw.tokenizer.encode(text, { add_special_tokens: false }).length;
  // Per run: decode speed after the first streamed text. Ratios are taken pair by pair (the
  // same prompt, back to back), so that a machine busy with other work skews neither side.
  const perSecond = (r: GenerationRun) =>
    (tokens(r.text) - 1) / (Math.max(1e-3, r.totalMs - r.ttftMs) / 1000);
  const median = (values: number[]) => percentile(values, 0.5);
  const pairs = runs.engram.map((e, i) => ({ e, w: runs.raw[i]! }));
  await engram.lifecycle.unload();
  await raw.dispose();
  return {
    model: spec.id,
    dtype,
    threads,
    prompts: prompts.length,
    rounds,
    new_tokens: runs.engram.reduce((n, r) => n + tokens(r.text), 0),
    engram_ttft_ms: round(median(runs.engram.map((r) => r.ttftMs)), 1),
    raw_ttft_ms: round(median(runs.raw.map((r) => r.ttftMs)), 1),
    engram_tokens_per_s: round(median(runs.engram.map(perSecond)), 1),
    raw_tokens_per_s: round(median(runs.raw.map(perSecond)), 1),
    ttft_ratio: round(median(pairs.map(({ e, w }) => w.ttftMs / e.ttftMs)), 3),
    tokens_per_s_ratio: round(median(pairs.map(({ e, w }) => perSecond(e) / perSecond(w))), 3),
    same_text: runs.engram.every((r, i) => r.text === runs.raw[i]?.text),
  };
}
