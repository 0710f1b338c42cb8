/**
 * Where the models run (device, threads, the WebGPU check) and how long an unused model stays
 * loaded. The engine watches the setting, so a change applies without a restart.
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
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
      setError('Enter whole minutes from 0 to 1440 (0 keeps models loaded).');
      return;
    }
    try {
      await writeSetting(db(), 'modelIdleMinutes', minutes);
      setError(undefined);
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    }
  };

  return (
    <div class="model-runtime" data-testid="model-runtime">
      <p class="muted" data-testid="model-device" data-device={engine?.runtime?.device}>
        {engine?.runtime ? `Runs on ${runtimeLine(engine.runtime)}.` : 'The engine is starting…'}
      </p>
      <div class="field">
        <div class="field-row">
          <label for="model-idle-minutes">Unload models after this many minutes unused</label>
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
        <p class="note">They load again when needed; 0 keeps them loaded.</p>
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
