/**
 * The model host, whether answers are written by the language model, and whether Engram says when
 * a page was seen before.
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { writeSetting } from '../../shared/settings';
import { openLibrary } from '../components/open-library';
import { ModelHostForm } from './model-host-form';
import { SeenBeforeSetting } from './seen-before-setting';
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
      <h2 id="general-heading">{t('settingsGeneralHeading')}</h2>
      <div class="field">
        <button
          type="button"
          data-testid="settings-open-library"
          onClick={() => void openLibrary()}
        >
          {t('libraryOpenFromSettings')}
        </button>
        <p class="note">{t('libraryOpenFromSettingsNote')}</p>
      </div>
      <ModelHostForm saved={settings.modelHost} />
      <div class="field">
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="generation-toggle"
            checked={settings.generation}
            onChange={(event) => void setGeneration(event.currentTarget.checked)}
          />
          <span>{t('settingsGenerationToggle')}</span>
        </label>
        {toggleError && (
          <p class="field-error" role="alert">
            {t('settingsNotSaved', toggleError)}
          </p>
        )}
      </div>
      <SeenBeforeSetting />
    </section>
  );
}
