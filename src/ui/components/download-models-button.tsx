/** "Download (1 GB)": the user's go-ahead for the model downloads, wherever it is offered. */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { formatBytes } from '../settings/format-bytes';
import { allowModelDownloads } from './model-downloads';

interface Props {
  /** The download's size, shown on the button; undefined where unknown. */
  bytes: number | undefined;
  /** The button's words before the size ("Download", "Download now"). */
  label?: string;
  primary?: boolean;
}

export function DownloadModelsButton({ bytes, label = t('popupDownload'), primary = true }: Props) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const start = async () => {
    setState({ busy: true });
    try {
      await allowModelDownloads();
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };
  return (
    <span class="download-models">
      <button
        type="button"
        class={primary ? 'primary' : undefined}
        data-testid="download-models"
        disabled={state.busy}
        onClick={() => void start()}
      >
        {bytes === undefined ? label : t('popupDownloadSized', label, formatBytes(bytes))}
      </button>
      {state.error && (
        <span class="download-models-error" role="alert">
          {t('popupDownloadFailed', state.error)}
        </span>
      )}
    </span>
  );
}
