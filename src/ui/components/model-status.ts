/**
 * Compact lines about the models: "Embedding model ready · Language model loading 40%", where
 * they run ("WASM, 1 thread"), and the indexing work ("Indexing 3 of 12").
 */
import type { ModelRow } from '../../shared/db';
import type { EngineRuntime, IndexingProgress } from '../../shared/engine-info';

type ModelInfo = Pick<ModelRow, 'task' | 'state' | 'loaded' | 'total' | 'error' | 'updatedAt'>;

export const MODEL_LABELS: Record<ModelRow['task'], string> = {
  embed: 'Embedding model',
  generate: 'Language model',
};

export function loadPercent(loaded: number, total: number): number | null {
  if (!(total > 0) || !(loaded >= 0)) return null;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

function describe(row: ModelInfo): string {
  switch (row.state) {
    case 'ready':
      return 'ready';
    case 'loading': {
      const percent = loadPercent(row.loaded, row.total);
      return percent === null ? 'loading…' : `loading ${percent}%`;
    }
    case 'failed':
      return row.error ? `failed: ${row.error}` : 'failed';
    case 'unavailable':
      return 'unavailable';
    case 'not-downloaded':
      return 'not downloaded';
    case 'idle':
      // Never loaded yet, or unloaded after a while unused: either way it loads when needed.
      return 'not loaded (loads when needed)';
  }
}

/** Each task's most recently updated row: the model in use, where a switch left several. */
export function latestByTask<T extends Pick<ModelRow, 'task' | 'updatedAt'>>(
  rows: readonly T[],
): Map<ModelRow['task'], T> {
  const latest = new Map<ModelRow['task'], T>();
  for (const row of rows) {
    const seen = latest.get(row.task);
    if (!seen || row.updatedAt > seen.updatedAt) latest.set(row.task, row);
  }
  return latest;
}

/**
 * The line for the header. Where a task has several rows (a model was switched), the most recently
 * updated one is the one in use.
 */
export function modelStatusLine(rows: readonly ModelInfo[]): string {
  const latest = latestByTask(rows);
  const parts = (['embed', 'generate'] as const).flatMap((task) => {
    const row = latest.get(task);
    return row ? [`${MODEL_LABELS[task]} ${describe(row)}`] : [];
  });
  return parts.length > 0 ? parts.join(' · ') : 'Models not loaded yet';
}

/** "Indexing 3 of 12", and why it waits; empty when there is nothing to index. */
export function indexingLine(progress: IndexingProgress | undefined): string {
  if (!progress || progress.total === 0 || progress.done >= progress.total) return '';
  const count = `Indexing ${progress.done + 1} of ${progress.total}`;
  return progress.waiting ? `${count} · older pages wait while you browse` : count;
}

/** "WASM, 1 thread (no WebGPU on this device)": where the models run, for tooltips and settings. */
export function runtimeLine(runtime: EngineRuntime | undefined): string {
  if (!runtime) return '';
  if (runtime.device === 'webgpu') return 'WebGPU (verified against WASM)';
  const threads = `${runtime.threads} ${runtime.threads === 1 ? 'thread' : 'threads'}`;
  const gpu: Record<EngineRuntime['webgpu'], string> = {
    absent: 'no WebGPU on this device',
    unverified: 'WebGPU is checked once the model is ready',
    verified: 'WebGPU verified, used from the next start',
    rejected: 'WebGPU gave wrong results, not used',
  };
  return `WASM, ${threads} (${gpu[runtime.webgpu]})`;
}
