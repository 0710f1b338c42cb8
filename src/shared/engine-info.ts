/**
 * What the engine reports about its runtime and its indexing work, and the messages the models
 * work adds (a search probe for benchmarks and tests, the user's activity relayed from the service
 * worker). Part of the protocol (protocol.ts imports these).
 */
import { z } from 'zod';

/** Where the models run, and why there. */
export const engineRuntime = z.object({
  device: z.enum(['wasm', 'webgpu']),
  /** ONNX Runtime WASM threads (1 unless the document is cross-origin isolated). */
  threads: z.number().int().positive(),
  crossOriginIsolated: z.boolean(),
  /** absent: no WebGPU adapter; verified/rejected: the known-sentence check's remembered verdict. */
  webgpu: z.enum(['absent', 'unverified', 'verified', 'rejected']),
});
export type EngineRuntime = z.infer<typeof engineRuntime>;

/** Indexing work in this run: "Indexing 3 of 12", and whether bulk work waits for the user. */
export const indexingProgress = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Bulk work (old jobs, backfill) is held back while the user is active. */
  waiting: z.boolean(),
  /** Sources indexed a minute at the pace of the last minute; absent until one is done. */
  perMinute: z.number().int().nonnegative().optional(),
});
export type IndexingProgress = z.infer<typeof indexingProgress>;

/** Epoch milliseconds: when the engine document started, and when the embedder was first ready. */
export const engineTimings = z.object({
  documentStartedAt: z.number(),
  embedderReadyAt: z.number().optional(),
  /** When each step of the engine's start ended (runtime configured, indexes loaded, …). */
  phases: z.record(z.string().max(100), z.number()).optional(),
});

export const searchRequest = z.strictObject({
  query: z.string().trim().min(1).max(4_000),
  /** `dense`: vectors only (loads the embedder); `keyword`: BM25 only. */
  mode: z.enum(['dense', 'keyword']),
  limit: z.number().int().min(1).max(50),
});
export type SearchRequest = z.infer<typeof searchRequest>;

export const searchResponse = z.object({
  /** Best first, each source once. */
  sourceIds: z.array(z.string().max(200)),
});

/** chrome.idle's states (only the service worker has chrome.idle). */
export const userActivity = z.strictObject({ state: z.enum(['active', 'idle', 'locked']) });
