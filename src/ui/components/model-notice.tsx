/**
 * Under the header's model line, what needs the user (issue 10): models not downloaded yet, with
 * the button to download them, or a model that failed, in full (the line above is cut short),
 * with what still works and a Try again button.
 */
import { useState } from 'preact/hooks';
import type { ModelRow } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import './model-notice.css';
import { loadModels } from './conversation-query';
import { DownloadModelsButton } from './download-models-button';
import { totalBytes } from './model-downloads';
import { latestByTask, modelFailureText, modelLabel } from './model-status';
import { useLiveQuery } from './use-live-query';

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
        {failedLines(failed).map(({ text, detail }) => (
          <p key={text} title={detail}>
            {text}
          </p>
        ))}
        <button
          type="button"
          data-testid="retry-models"
          disabled={retry.busy}
          onClick={() => void tryAgain()}
        >
          {retry.busy ? t('modelNoticeTryingAgain') : t('modelNoticeTryAgain')}
        </button>
        {retry.error && <p>{t('modelNoticeRestartFailed', retry.error)}</p>}
      </div>
    );
  }
  if (waiting.length > 0) {
    return (
      <div class="model-notice" data-testid="model-notice" data-kind="not-downloaded">
        <span class="model-notice-text">{t('modelNoticeNotDownloaded')}</span>
        <DownloadModelsButton bytes={totalBytes(waiting.map((row) => row.id))} />
      </div>
    );
  }
  return null;
}

type FailedRow = Pick<ModelRow, 'task' | 'error' | 'errorCode' | 'errorDetail'>;

/**
 * One line per distinct error: both models failing the same way (offline) is said once. The
 * technical message, where the engine kept one, is the line's tooltip.
 */
function failedLines(rows: readonly FailedRow[]): Array<{ text: string; detail?: string }> {
  const byReason = new Map<string, FailedRow[]>();
  for (const row of rows) {
    const reason = withStillWorks(modelFailureText(row));
    byReason.set(reason, [...(byReason.get(reason) ?? []), row]);
  }
  return [...byReason].map(([reason, same]) => {
    const who = same.length > 1 ? t('modelNoticeBothModels') : modelLabel(same[0]!.task);
    const detail = same.find((row) => row.errorDetail)?.errorDetail;
    return { text: t('modelNoticeFailed', who, reason), ...(detail ? { detail } : {}) };
  });
}

/** The reason, saying what still works where it does not already (rows of older engines). */
function withStillWorks(reason = t('modelFailedUnknown')): string {
  const stillWorks = t('modelStillWorks');
  return reason.includes(stillWorks) || /still work/i.test(reason)
    ? reason
    : t('modelFailedAndStillWorks', reason, stillWorks);
}
