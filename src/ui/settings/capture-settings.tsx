/**
 * "Remember what I just saw" and automatic capture: how long the glimpse buffer keeps what was on
 * screen, the automatic-capture switch (with its disclosure), and how long a page must be read.
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { errorMessage } from '../../shared/messaging';
import { settingsSchema, writeSetting } from '../../shared/settings';
import { AutoCaptureToggle } from '../components/auto-capture-toggle';
import type { Settings } from './settings-query';

type NumberKey = 'glimpseMinutes' | 'autoCaptureDwellMs';

export function CaptureSettings({ settings }: { settings: Settings }) {
  const [error, setError] = useState<string>();

  const save = async (key: NumberKey, value: number) => {
    if (!settingsSchema[key].safeParse(value).success) {
      setError(
        key === 'glimpseMinutes'
          ? 'Not saved: the buffer keeps 0 to 60 minutes.'
          : 'Not saved: a page counts as read after 1 to 600 seconds.',
      );
      return;
    }
    try {
      await writeSetting(db(), key, value);
      setError(undefined);
    } catch (failure) {
      setError(`Not saved: ${errorMessage(failure)}`);
    }
  };
  const number = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));

  return (
    <section class="panel" aria-labelledby="capture-heading" data-testid="capture-settings">
      <h2 id="capture-heading">Remember what I just saw</h2>
      <p>
        Where Engram may read a site (after you turn on automatic capture), it keeps in the page’s
        memory only the paragraphs that stayed on screen for a second or more; the shortcut saves
        them. Elsewhere the shortcut saves what is on screen at that moment, the selection and the
        page.
      </p>
      <div class="field field-row">
        <label for="glimpse-minutes">Keep what was on screen for (minutes, 0 = off)</label>
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
        <p class="field-label">Automatic capture of the pages you read</p>
        <AutoCaptureToggle idPrefix="settings" />
      </div>
      <div class="field field-row">
        <label for="dwell-seconds">A page counts as read after (seconds on screen)</label>
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
