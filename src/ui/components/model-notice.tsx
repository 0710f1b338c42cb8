/**
 * Under the header's model line, what needs the user (issue 10): models not downloaded yet, with
 * the button to download them, or a model that failed, in full (the line above is cut short),
 * with what still works and a Try again button.
 */
import { useState } from 'preact/hooks';
import type { ModelRow } from '../../shared/db';
import { errorMessage, send } from '../../shared/messaging';
import './model-notice.css';
import { loadModels } from './conversation-query';
import { DownloadModelsButton } from './download-models-button';
import { totalBytes } from './model-downloads';
import { latestByTask, MODEL_LABELS } from './model-status';
import { useLiveQuery } from './use-live-query';

const NOT_DOWNLOADED = 'Models not downloaded yet: search by keywords works meanwhile.';
const STILL_WORKS = 'Keyword search and answers from your saved pages still work.';

export function ModelNotice() {
  const rows = useLiveQuery(loadModels, []).value;
  const [retry, setRetry] = useState<{ busy: boolean; error?: string }>({ busy: false });
  if (!rows) return null;
  const inUse = [...latestByTask(rows).values()];
  const failed = inUse.filter((row) => row.state === 'failed');
  const waiting = inUse.filter((row) => row.state === 'not-downloaded');

  const tryAgain = async () => {
    setRetry({ busy: true });
    try {
      // As Settings' Try again: a fresh engine loads the models again, at once.
      await send('engine/restart', {});
      setRetry({ busy: false });
    } catch (error) {
      setRetry({ busy: false, error: errorMessage(error) });
    }
  };

  if (failed.length > 0) {
    return (
      <div class="model-notice is-error" role="alert" data-testid="model-notice" data-kind="failed">
        {failedLines(failed).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <button
          type="button"
          data-testid="retry-models"
          disabled={retry.busy}
          onClick={() => void tryAgain()}
        >
          {retry.busy ? 'Trying again…' : 'Try again'}
        </button>
        {retry.error && <p>The engine did not restart: {retry.error}</p>}
      </div>
    );
  }
  if (waiting.length > 0) {
    return (
      <div class="model-notice" data-testid="model-notice" data-kind="not-downloaded">
        <span class="model-notice-text">{NOT_DOWNLOADED}</span>
        <DownloadModelsButton bytes={totalBytes(waiting.map((row) => row.id))} />
      </div>
    );
  }
  return null;
}

/** One line per distinct error: both models failing the same way (offline) is said once. */
function failedLines(rows: readonly Pick<ModelRow, 'task' | 'error'>[]): string[] {
  const byError = new Map<string, string[]>();
  for (const row of rows) {
    const error = row.error ?? 'failed to load.';
    byError.set(error, [...(byError.get(error) ?? []), MODEL_LABELS[row.task]]);
  }
  return [...byError].map(([error, labels]) => {
    const who = labels.length > 1 ? 'Both models' : labels[0];
    return `${who}: ${error}${/still work/i.test(error) ? '' : ` ${STILL_WORKS}`}`;
  });
}
