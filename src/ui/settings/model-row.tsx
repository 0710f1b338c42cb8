/** One registered model: its facts, its live state, and the buttons to use it or free its space. */
import { useId } from 'preact/hooks';
import type { ModelRow as LiveRow } from '../../shared/db';
import { t } from '../../shared/i18n';
import { downloadSize, type ModelSpec } from '../../shared/model-registry';
import { DownloadModelsButton } from '../components/download-models-button';
import { DeleteDownload } from './delete-download';
import { formatBytes } from './format-bytes';
import { modelDisplay } from './model-display';
import { describeLanguages } from './model-list';

interface Props {
  spec: ModelSpec;
  row: LiveRow | undefined;
  inUse: boolean;
  /** Bytes of this model in the cache; undefined while unknown. */
  cached: number | undefined;
  /** A language model's expected speed on this device (model-speed.ts); none for the others. */
  speed?: string | undefined;
  /** A switch is under way: no second one until it is done. */
  switching: boolean;
  onUse: () => void;
  /** Restart the engine, which tries the model in use again. */
  onRetry: () => void;
  onDelete: () => Promise<void>;
}

export function ModelRow(props: Props) {
  const { spec, row, inUse, cached, speed, switching, onUse, onRetry, onDelete } = props;
  const nameId = useId();
  const display = modelDisplay(row, inUse, cached);
  const size = downloadSize(spec, 'wasm');
  const blocked =
    inUse && display.state === 'downloading'
      ? t('settingsDeleteBlockedLoading')
      : cached === 0
        ? t('settingsNothingDownloaded')
        : undefined;
  return (
    <li
      class={`model-row${inUse ? ' is-in-use' : ''}`}
      data-testid="model-row"
      data-model-id={spec.id}
      data-state={display.state}
      data-in-use={String(inUse)}
      aria-labelledby={nameId}
    >
      <div class="model-main">
        <div class="model-title">
          <h4 id={nameId}>{spec.name}</h4>
          {inUse && (
            <span class="badge" data-testid="in-use">
              {t('settingsInUse')}
            </span>
          )}
        </div>
        <code class="model-id">{spec.id}</code>
        <dl class="model-facts">
          <div>
            <dt>{t('settingsLanguages')}</dt>
            <dd>{describeLanguages(spec.languages)}</dd>
          </div>
          <div>
            <dt>{t('settingsLicence')}</dt>
            <dd>{spec.licence}</dd>
          </div>
          <div>
            <dt>{t('settingsDownload')}</dt>
            <dd data-testid="model-size">
              {size === undefined ? t('settingsSizeUnknown') : formatBytes(size)}
            </dd>
          </div>
          {speed && (
            <div>
              <dt>{t('settingsSpeed')}</dt>
              <dd data-testid="model-speed">{speed}</dd>
            </div>
          )}
        </dl>
        <p class={`model-state state-${display.state}`} data-testid="model-state">
          {display.text}
        </p>
        {display.percent !== null && (
          <progress
            class="model-progress"
            max={100}
            value={display.percent}
            aria-label={t('settingsDownloadAria', spec.name)}
          />
        )}
      </div>
      <div class="model-actions">
        {!inUse && (
          <button
            type="button"
            class="primary"
            data-testid="use-model"
            disabled={switching}
            onClick={onUse}
          >
            {t('settingsUseModel')}
          </button>
        )}
        {inUse && row?.state === 'not-downloaded' && (
          // Waiting for the user's go-ahead (issue 10): the same choice as the welcome page's.
          <DownloadModelsButton bytes={size} />
        )}
        {inUse && display.state === 'failed' && (
          <button type="button" data-testid="retry-model" disabled={switching} onClick={onRetry}>
            {t('settingsTryAgain')}
          </button>
        )}
        <DeleteDownload
          modelName={spec.name}
          size={cached ? formatBytes(cached) : undefined}
          inUse={inUse}
          blocked={blocked}
          onDelete={onDelete}
        />
      </div>
    </li>
  );
}
