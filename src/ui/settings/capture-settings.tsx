/**
 * "Remember what I just saw" and automatic capture: how long the glimpse buffer keeps what was on
 * screen, the automatic-capture switch (with its disclosure), and how long a page must be read.
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { settingsSchema, writeSetting } from '../../shared/settings';
import { AutoCaptureToggle } from '../components/auto-capture-toggle';
import type { Settings } from './settings-query';

type NumberKey = 'glimpseMinutes' | 'autoCaptureDwellMs';

export function CaptureSettings({ settings }: { settings: Settings }) {
  const [error, setError] = useState<string>();

  const save = async (key: NumberKey, value: number) => {
    if (!settingsSchema[key].safeParse(value).success) {
      setError(key === 'glimpseMinutes' ? t('settingsGlimpseRange') : t('settingsDwellRange'));
      return;
    }
    try {
      await writeSetting(db(), key, value);
      setError(undefined);
    } catch (failure) {
      setError(t('settingsNotSaved', errorMessage(failure)));
    }
  };
  const number = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));

  return (
    <section class="panel" aria-labelledby="capture-heading" data-testid="capture-settings">
      <h2 id="capture-heading">{t('settingsCaptureHeading')}</h2>
      <p>{t('settingsCaptureIntro')}</p>
      <div class="field field-row">
        <label for="glimpse-minutes">{t('settingsGlimpseMinutesLabel')}</label>
        <input
          id="glimpse-minutes"
          type="number"
          min={0}
          max={60}
          step={1}
          data-testid="glimpse-minutes"
          value={settings.glimpseMinutes}
          onChange={(event) => void save('glimpseMinutes', number(event.currentTarget.value))}
        />
      </div>
      <div class="field">
        <p class="field-label">{t('settingsAutoCaptureLabel')}</p>
        <AutoCaptureToggle idPrefix="settings" />
      </div>
      <div class="field field-row">
        <label for="dwell-seconds">{t('settingsDwellLabel')}</label>
        <input
          id="dwell-seconds"
          type="number"
          min={1}
          max={600}
          step={1}
          data-testid="dwell-seconds"
          value={Math.round(settings.autoCaptureDwellMs / 1000)}
          onChange={(event) =>
            void save('autoCaptureDwellMs', number(event.currentTarget.value) * 1000)
          }
        />
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
