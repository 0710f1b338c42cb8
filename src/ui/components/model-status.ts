/**
 * Compact lines about the models: "Embedding model ready · Language model loading 40%", where
 * they run ("WASM, 1 thread"), and the indexing work ("Indexing 3 of 12").
 */
import type { ModelRow } from '../../shared/db';
import type { EngineRuntime, IndexingProgress } from '../../shared/engine-info';
import { t, type MessageKey } from '../../shared/i18n';
import { MODEL_FAILURE_KEYS } from '../../shared/model-failure';

type ModelInfo = Pick<
  ModelRow,
  'task' | 'state' | 'loaded' | 'total' | 'error' | 'errorCode' | 'errorDetail' | 'updatedAt'
>;

const MODEL_LABELS = {
  embed: 'modelLabelEmbed',
  generate: 'modelLabelGenerate',
  transcribe: 'modelLabelSpeech',
} as const satisfies Record<ModelRow['task'], MessageKey>;

export function modelLabel(task: ModelRow['task']): string {
  return t(MODEL_LABELS[task]);
}

/**
 * Why a model failed, in the browser's language, with what still works meanwhile: from the row's
 * code, or its English words where an older engine wrote only those; undefined when neither.
 */
export function modelFailureText(
  row: Pick<ModelRow, 'error' | 'errorCode' | 'errorDetail'>,
): string | undefined {
  if (!row.errorCode) return row.error;
  const cause = t(MODEL_FAILURE_KEYS[row.errorCode], row.errorDetail ?? '');
  return t('modelFailedAndStillWorks', cause, t('modelStillWorks'));
}

export function loadPercent(loaded: number, total: number): number | null {
  if (!(total > 0) || !(loaded >= 0)) return null;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

function describe(row: ModelInfo): string {
  const model = modelLabel(row.task);
  switch (row.state) {
    case 'ready':
      return t('modelLineReady', model);
    case 'loading': {
      const percent = loadPercent(row.loaded, row.total);
      return percent === null
        ? t('modelLineLoading', model)
        : t('modelLineLoadingPercent', model, percent);
    }
    case 'failed': {
      const reason = modelFailureText(row);
      return reason ? t('modelLineFailedReason', model, reason) : t('modelLineFailed', model);
    }
    case 'unavailable':
      return t('modelLineUnavailable', model);
    case 'not-downloaded':
      return t('modelLineNotDownloaded', model);
    case 'idle':
      // Never loaded yet, or unloaded after a while unused: either way it loads when needed.
      return t('modelLineIdle', model);
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
    return row ? [describe(row)] : [];
  });
  return parts.length > 0 ? parts.join(' · ') : t('modelNoneLoaded');
}

/**
 * "Indexing 3 of 12", why it waits, and its pace ("about 40 a minute") once a source is done;
 * empty when there is nothing to index.
 */
export function indexingLine(progress: IndexingProgress | undefined): string {
  if (!progress || progress.total === 0 || progress.done >= progress.total) return '';
  const line = t(
    progress.waiting ? 'modelIndexingWaiting' : 'modelIndexing',
    progress.done + 1,
    progress.total,
  );
  const { perMinute } = progress;
  return perMinute === undefined ? line : t('modelIndexingPace', line, perMinute);
}

const GPU_KEYS = {
  absent: 'modelGpuAbsent',
  unverified: 'modelGpuUnverified',
  verified: 'modelGpuVerified',
  rejected: 'modelGpuRejected',
} as const satisfies Record<EngineRuntime['webgpu'], MessageKey>;

/** "WASM, 1 thread (no WebGPU on this device)": where the models run, for tooltips and settings. */
export function runtimeLine(runtime: EngineRuntime | undefined): string {
  if (!runtime) return '';
  if (runtime.device === 'webgpu') return t('modelRuntimeWebGpu');
  const gpu = t(GPU_KEYS[runtime.webgpu]);
  return runtime.threads === 1
    ? t('modelRuntimeWasmOne', gpu)
    : t('modelRuntimeWasmMany', runtime.threads, gpu);
}
