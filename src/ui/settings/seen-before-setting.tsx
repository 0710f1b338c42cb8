/**
 * The "seen before" switch (issue 14): on by default; off, the toolbar and the side panel say
 * nothing about pages kept before (background/seen-before.ts reads it for every page). It reads
 * its own setting, so the settings page's query stays as it was.
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { readSetting, writeSetting } from '../../shared/settings';
import { useLiveQuery } from '../components/use-live-query';

const readSeen = () => readSetting(db(), 'seenBefore');

export function SeenBeforeSetting() {
  const on = useLiveQuery(readSeen, []).value;
  const [error, setError] = useState<string>();
  if (on === undefined) return null;
  const set = async (value: boolean) => {
    try {
      await writeSetting(db(), 'seenBefore', value);
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <div class="field">
      <label class="toggle">
        <input
          type="checkbox"
          data-testid="seen-before-toggle"
          checked={on}
          onChange={(event) => void set(event.currentTarget.checked)}
        />
        <span>{t('seenSettingToggle')}</span>
      </label>
      <p class="hint muted">{t('seenSettingNote')}</p>
      {error && (
        <p class="field-error" role="alert">
          {t('settingsNotSaved', error)}
        </p>
      )}
    </div>
  );
}
