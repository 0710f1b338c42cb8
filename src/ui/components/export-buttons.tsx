/**
 * Export as JSON Lines or as Markdown (zip), with progress: the settings page's "Your data" shows
 * it for the whole memory; the library mounts it with a filter ("export these").
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { exportLines } from '../../shared/export/export-jsonl';
import { markdownZip } from '../../shared/export/markdown-zip';
import type { ExportFilter } from '../../shared/export/records';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { chooseTarget, saveStream } from './save-stream';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; count: number; file: string }
  | { kind: 'failed'; error: string };

/** "engram-2026-12-07.jsonl": the local date, so a day's exports sort together. */
const fileName = (extension: string, now = new Date()) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `engram-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
};

export function ExportButtons({ filter, count }: { filter?: ExportFilter; count?: number }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = state.kind === 'running';

  const run = async (format: 'jsonl' | 'markdown') => {
    const target =
      format === 'jsonl'
        ? await chooseTarget(fileName('jsonl'), 'application/jsonl', '.jsonl', t('dataExportJsonl'))
        : await chooseTarget(fileName('zip'), 'application/zip', '.zip', t('dataExportMarkdown'));
    if (!target) return;
    let exported = 0;
    const onProgress = (done: number, total: number) => {
      setState({ kind: 'running', done, total });
      exported = done;
    };
    setState({ kind: 'running', done: 0, total: count ?? 0 });
    try {
      const options = { ...(filter ? { filter } : {}), onProgress };
      await saveStream(
        target,
        format === 'jsonl' ? exportLines(db(), options) : markdownZip(db(), options),
      );
      setState({ kind: 'done', count: exported, file: target.name });
    } catch (error) {
      setState({ kind: 'failed', error: errorMessage(error) });
    }
  };

  return (
    <div class="export-buttons" data-testid="export-buttons">
      <button
        type="button"
        class="primary"
        disabled={running}
        data-testid="export-jsonl"
        onClick={() => void run('jsonl')}
      >
        {filter && count !== undefined ? t('dataExportThese', count) : t('dataExportJsonl')}
      </button>
      <button
        type="button"
        disabled={running}
        data-testid="export-markdown"
        onClick={() => void run('markdown')}
      >
        {t('dataExportMarkdown')}
      </button>
      {state.kind === 'running' && (
        <p role="status" data-testid="export-progress">
          {t('dataExporting', state.done, state.total)}
        </p>
      )}
      {state.kind === 'done' && (
        <p role="status" class="field-ok" data-testid="export-done">
          {t('dataExported', state.count, state.file)}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="field-error" data-testid="export-error">
          {t('dataExportFailed', state.error)}
        </p>
      )}
    </div>
  );
}
