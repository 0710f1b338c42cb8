/**
 * Where the models run (device, threads, the WebGPU check) and how long an unused model stays
 * loaded. The engine watches the setting, so a change applies without a restart.
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import type { EngineStatus } from '../../shared/protocol';
import { readSetting, writeSetting } from '../../shared/settings';
import { runtimeLine } from '../components/model-status';
import { useLiveQuery } from '../components/use-live-query';

/** `engine`: the status the models panel polls for both this and the re-indexing line. */
export function ModelRuntimeSettings({ engine }: { engine: EngineStatus | undefined }) {
  const saved = useLiveQuery(() => readSetting(db(), 'modelIdleMinutes'), []).value;
  const [error, setError] = useState<string>();

  const save = async (value: string) => {
    const minutes = Number(value);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1_440) {
      setError(t('settingsIdleRange'));
      return;
    }
    try {
      await writeSetting(db(), 'modelIdleMinutes', minutes);
      setError(undefined);
    } catch (failure) {
      setError(t('settingsNotSaved', errorMessage(failure)));
    }
  };

  return (
    <div class="model-runtime" data-testid="model-runtime">
      <p class="muted" data-testid="model-device" data-device={engine?.runtime?.device}>
        {engine?.runtime
          ? t('settingsRunsOn', runtimeLine(engine.runtime))
          : t('settingsEngineStarting')}
      </p>
      <div class="field">
        <div class="field-row">
          <label for="model-idle-minutes">{t('settingsIdleLabel')}</label>
          <input
            id="model-idle-minutes"
            type="number"
            min={0}
            max={1440}
            step={1}
            data-testid="model-idle-minutes"
            value={saved ?? ''}
            onChange={(event) => void save(event.currentTarget.value)}
          />
        </div>
        <p class="note">{t('settingsIdleNote')}</p>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
