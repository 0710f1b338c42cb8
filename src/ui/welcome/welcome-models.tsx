/**
 * The welcome page's models: which ones, how big, and the choice to download them now or later.
 * Nothing is downloaded until the user chooses (the modelDownloads setting).
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t, type MessageKey } from '../../shared/i18n';
import { readSettings } from '../../shared/settings';
import { loadModels } from '../components/conversation-query';
import { DownloadModelsButton } from '../components/download-models-button';
import { configuredModels, type PlannedModel } from '../components/model-downloads';
import { modelStatusLine } from '../components/model-status';
import { useLiveQuery } from '../components/use-live-query';
import { formatBytes } from '../settings/format-bytes';
import { deviceOf, speedLine } from '../settings/model-speed';

const ROLES = {
  embed: 'welcomeRoleEmbed',
  generate: 'welcomeRoleGenerate',
  transcribe: 'welcomeRoleSpeech',
} as const satisfies Record<PlannedModel['spec']['task'], MessageKey>;

async function loadChoice() {
  const [models, settings] = await Promise.all([
    configuredModels(),
    readSettings(db(), ['modelDownloads', 'modelHost']),
  ]);
  return { models, ...settings };
}

export function WelcomeModels() {
  const choice = useLiveQuery(loadChoice, []).value;
  const rows = useLiveQuery(loadModels, []).value;
  const [later, setLater] = useState(false);
  if (!choice) return null;
  const sizes = choice.models.map((m) => m.bytes);
  const total = sizes.every((b) => b !== undefined)
    ? sizes.reduce<number>((sum, b) => sum + (b ?? 0), 0)
    : undefined;
  const packaged = __ENGRAM_MODEL_SOURCE__ === 'packaged';
  const host = new URL(choice.modelHost).host;
  // The engine has not run yet: the device it would choose (WebGPU is verified only once it runs).
  const device = deviceOf(undefined, navigator.hardwareConcurrency);

  return (
    <section aria-labelledby="models" data-testid="welcome-models">
      <h2 id="models">{t('welcomeModelsHeading')}</h2>
      <p>{packaged ? t('welcomeModelsIntroPackaged') : t('welcomeModelsIntroDownload', host)}</p>
      <table class="welcome-models">
        <tbody>
          {choice.models.map(({ spec, bytes }) => (
            <tr key={spec.id} data-testid="welcome-model">
              <th scope="row">{spec.name}</th>
              <td>
                {t(ROLES[spec.task])}
                {/* Under the role: a column of its own squeezes the names on a narrow page. */}
                {speedLine(spec, device) && (
                  <span class="speed" data-testid="welcome-model-speed">
                    {speedLine(spec, device)}
                  </span>
                )}
              </td>
              <td class="size">{bytes === undefined ? '' : formatBytes(bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {choice.modelDownloads === 'ask' ? (
        <div class="welcome-choice" data-testid="welcome-choice">
          <p>{t('welcomeUntilDownloaded')}</p>
          <div class="welcome-buttons">
            <DownloadModelsButton bytes={total} label={t('welcomeDownloadNow')} />
            <button type="button" data-testid="download-later" onClick={() => setLater(true)}>
              {t('welcomeLater')}
            </button>
          </div>
          {later && (
            <p class="muted" role="status" data-testid="later-note">
              {t('welcomeLaterNote')}
            </p>
          )}
        </div>
      ) : (
        <p class="muted" role="status" data-testid="welcome-model-status">
          {rows && rows.length > 0 ? modelStatusLine(rows) : t('welcomeModelsLoadWhenNeeded')}
        </p>
      )}
    </section>
  );
}
