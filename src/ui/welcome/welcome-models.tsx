/**
 * The welcome page's models: which ones, how big, and the choice to download them now or later.
 * Nothing is downloaded until the user chooses (the modelDownloads setting).
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { readSettings } from '../../shared/settings';
import { loadModels } from '../components/conversation-query';
import { DownloadModelsButton } from '../components/download-models-button';
import { configuredModels, type PlannedModel } from '../components/model-downloads';
import { modelStatusLine } from '../components/model-status';
import { useLiveQuery } from '../components/use-live-query';
import { formatBytes } from '../settings/format-bytes';

const ROLES: Record<PlannedModel['spec']['task'], string> = {
  embed: 'Finds your pages by meaning',
  generate: 'Writes answers from them',
};

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

  return (
    <section aria-labelledby="models" data-testid="welcome-models">
      <h2 id="models">The models</h2>
      <p>
        Two small AI models run inside your browser.{' '}
        {packaged
          ? 'This build carries them: there is nothing to download.'
          : `They are downloaded once from ${host} and kept on this device.`}
      </p>
      <table class="welcome-models">
        <tbody>
          {choice.models.map(({ spec, bytes }) => (
            <tr key={spec.id} data-testid="welcome-model">
              <th scope="row">{spec.name}</th>
              <td>{ROLES[spec.task]}</td>
              <td class="size">{bytes === undefined ? '' : formatBytes(bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {choice.modelDownloads === 'ask' ? (
        <div class="welcome-choice" data-testid="welcome-choice">
          <p>
            Until they are downloaded, Engram finds your pages by their words and answers with their
            own sentences.
          </p>
          <div class="welcome-buttons">
            <DownloadModelsButton bytes={total} label="Download now" />
            <button type="button" data-testid="download-later" onClick={() => setLater(true)}>
              Later
            </button>
          </div>
          {later && (
            <p class="muted" role="status" data-testid="later-note">
              Fine: nothing is downloaded. Download them whenever you like from the Engram popup or
              Settings.
            </p>
          )}
        </div>
      ) : (
        <p class="muted" role="status" data-testid="welcome-model-status">
          {rows && rows.length > 0 ? modelStatusLine(rows) : 'The models load when needed.'}
        </p>
      )}
    </section>
  );
}
