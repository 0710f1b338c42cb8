/** One compact line about the models: "Embedding model ready · Language model loading 40%". */
import type { ModelRow } from '../../shared/db';

type ModelInfo = Pick<ModelRow, 'task' | 'state' | 'loaded' | 'total' | 'error' | 'updatedAt'>;

const LABELS: Record<ModelRow['task'], string> = {
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
    case 'idle':
      return 'not loaded';
  }
}

/**
 * The line for the header. Where a task has several rows (a model was switched), the most recently
 * updated one is the one in use.
 */
export function modelStatusLine(rows: readonly ModelInfo[]): string {
  const latest = new Map<ModelRow['task'], ModelInfo>();
  for (const row of rows) {
    const seen = latest.get(row.task);
    if (!seen || row.updatedAt > seen.updatedAt) latest.set(row.task, row);
  }
  const parts = (['embed', 'generate'] as const).flatMap((task) => {
    const row = latest.get(task);
    return row ? [`${LABELS[task]} ${describe(row)}`] : [];
  });
  return parts.length > 0 ? parts.join(' · ') : 'Models not loaded yet';
}
