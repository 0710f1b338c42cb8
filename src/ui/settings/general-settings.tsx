/** The model host and whether answers are written by the language model. */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { errorMessage } from '../../shared/messaging';
import { writeSetting } from '../../shared/settings';
import { ModelHostForm } from './model-host-form';
import type { Settings } from './settings-query';

export function GeneralSettings({ settings }: { settings: Settings }) {
  const [toggleError, setToggleError] = useState<string>();

  // The engine reads this setting for every answer: no restart needed.
  const setGeneration = async (on: boolean) => {
    try {
      await writeSetting(db(), 'generation', on);
      setToggleError(undefined);
    } catch (error) {
      setToggleError(errorMessage(error));
    }
  };

  return (
    <section class="panel" aria-labelledby="general-heading" data-testid="general">
      <h2 id="general-heading">General</h2>
      <ModelHostForm saved={settings.modelHost} />
      <div class="field">
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="generation-toggle"
            checked={settings.generation}
            onChange={(event) => void setGeneration(event.currentTarget.checked)}
          />
          <span>
            Write answers with the language model (otherwise: best passages from your pages)
          </span>
        </label>
        {toggleError && (
          <p class="field-error" role="alert">
            Not saved: {toggleError}
          </p>
        )}
      </div>
    </section>
  );
}
