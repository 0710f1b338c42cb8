/**
 * "Your data" on the settings page: export the memory (JSON Lines, or Markdown for note tools)
 * and import an export file. The import streams the file straight into IndexedDB through the
 * shared stores (shared/export), checking the whole file before writing anything, then asks the
 * engine to index what arrived and shows the same "Indexing 3 of 12" as the popup.
 */
import { useRef, useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { isQuotaError } from '../../shared/disk-full';
import { importExport, type ImportProgress } from '../../shared/export/import-export';
import type { ImportSummary } from '../../shared/export/import-write';
import { t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import { ExportButtons } from '../components/export-buttons';
import { indexingLine } from '../components/model-status';
import { useEngineStatus } from '../components/model-status-poll';
import { importFailureText } from './import-words';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; phase: ImportProgress['phase']; percent: number }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; message: string };

export function DataSettings() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    setState({ kind: 'running', phase: 'checking', percent: 0 });
    const onProgress = ({ phase, bytes }: ImportProgress) =>
      setState({
        kind: 'running',
        phase,
        percent: file.size > 0 ? Math.floor((bytes / file.size) * 100) : 100,
      });
    try {
      const { summary } = await importExport(db(), () => file.stream(), { onProgress });
      setState({ kind: 'done', summary });
    } catch (error) {
      setState({ kind: 'failed', message: importFailureText(error) });
      // A full disk: the worker sets the flag (banner, automatic capture waits) and watches for space.
      if (isQuotaError(error)) void send('disk/full', {}).catch(() => undefined);
      return;
    }
    // The import is done; the engine may not run yet. Once it answers, tell it there is work
    // queued (if it cannot be reached, it finds the queued jobs when it next starts).
    try {
      await send('engine/ensure', {});
      await send('engine/ingest', {});
    } catch (error) {
      console.warn('Engram: imported pages will be indexed when the engine next starts:', error);
    }
  };

  return (
    <section class="panel" aria-labelledby="data-heading" data-testid="data-settings">
      <h2 id="data-heading">{t('dataTitle')}</h2>
      <p class="muted">{t('dataIntro')}</p>
      <ExportButtons />
      <div class="import-control">
        <button
          type="button"
          data-testid="import-button"
          disabled={state.kind === 'running'}
          onClick={() => input.current?.click()}
        >
          {t('dataImport')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".jsonl,application/jsonl,application/x-ndjson"
          aria-label={t('dataImportFile')}
          data-testid="import-file"
          class="visually-hidden"
          tabIndex={-1}
          onChange={(event) => {
            const chosen = event.currentTarget;
            const file = chosen.files?.[0];
            chosen.value = '';
            if (file) void importFile(file);
          }}
        />
        <ImportStatus state={state} />
      </div>
    </section>
  );
}

function ImportStatus({ state }: { state: State }) {
  if (state.kind === 'running') {
    return (
      <p role="status" data-testid="import-progress">
        {t(state.phase === 'checking' ? 'dataImportChecking' : 'dataImportWriting', state.percent)}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p role="alert" class="field-error" data-testid="import-error">
        {state.message}
      </p>
    );
  }
  if (state.kind === 'done') {
    const { added, merged, conversations, settings } = state.summary;
    return (
      <>
        <p role="status" class="field-ok" data-testid="import-done">
          {t('dataImported', added, merged, conversations, settings)}
        </p>
        {added > 0 && <IndexingLine added={added} />}
      </>
    );
  }
  return null;
}

/**
 * The indexing of what arrived, polled from the engine: "Indexing 3 of 12 · about 40 a minute",
 * the jobs still waiting for the engine to take them up, then "Imported 12 items; all indexed"
 * once no job is queued (the imported ones were the last, or went before the others).
 */
function IndexingLine({ added }: { added: number }) {
  const status = useEngineStatus();
  if (!status) return null;
  const line = indexingLine(status.indexing);
  const state = line || status.pendingJobs > 0 ? 'indexing' : 'finished';
  return (
    <p class="muted" role="status" data-testid="import-indexing" data-state={state}>
      {line ||
        (status.pendingJobs > 0
          ? t('dataImportWaiting', status.pendingJobs)
          : t('dataImportIndexed', added))}
    </p>
  );
}
