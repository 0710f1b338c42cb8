/**
 * The settings page (options_ui, in a tab): models, storage, and general settings. Like the chat,
 * a view of IndexedDB: the engine writes each model's state to the `models` table and the page
 * follows it live.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import '../components/chat.css';
import { loadModels } from '../components/conversation-query';
import { useLiveQuery } from '../components/use-live-query';
import { CaptureSettings } from './capture-settings';
import { DataSettings } from './data-settings';
import { GeneralSettings } from './general-settings';
import { ModelsPanel } from './models-panel';
import { PrivacySettings } from './privacy-settings';
import './settings.css';
import { loadSettings } from './settings-query';
import { StorageUsage } from './storage-usage';
import { useStorage } from './use-storage';

export function SettingsPage() {
  const settings = useLiveQuery(loadSettings, []);
  const rows = useLiveQuery(loadModels, []);
  const [engineError, setEngineError] = useState<string>();
  // Read the sizes again whenever a model changes state: a download finished, failed or began.
  const states = (rows.value ?? [])
    .map((row) => `${row.id}=${row.state}`)
    .sort()
    .join(' ');
  const { storage, refresh } = useStorage(states);

  // A row left "loading" by a browser that closed mid-download is only corrected by a running
  // engine (which resumes the download), so make sure one runs while the page is open.
  useEffect(() => {
    send('engine/ensure', {}).catch((error: unknown) => setEngineError(errorMessage(error)));
  }, []);

  const error = settings.error ?? rows.error;
  return (
    <main class="settings">
      <header class="settings-header">
        <h1>{t('settingsTitle')}</h1>
        <p class="muted">{t('settingsVersion', __ENGRAM_VERSION__)}</p>
        {engineError && (
          <p class="engine-error" data-testid="engine-error">
            {t('settingsEngineNotStarted', engineError)}
          </p>
        )}
        {error && (
          <p class="engine-error" role="alert">
            {t('settingsReadFailed', error)}
          </p>
        )}
      </header>
      {settings.value && rows.value ? (
        <ModelsPanel
          settings={settings.value}
          rows={rows.value}
          cached={storage.models}
          onDeleted={refresh}
        />
      ) : (
        <p class="muted">{t('settingsLoading')}</p>
      )}
      <StorageUsage storage={storage} />
      {settings.value && <GeneralSettings settings={settings.value} />}
      {settings.value && <CaptureSettings settings={settings.value} />}
      <PrivacySettings rules={settings.value?.siteRules} readFrames={settings.value?.readFrames} />
      <DataSettings />
    </main>
  );
}
