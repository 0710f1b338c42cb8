/** How much room Engram takes: the whole origin, each model's files, and the memory itself. */
import { t } from '../../shared/i18n';
import { MODELS, modelSpec } from '../../shared/model-registry';
import { useLiveQuery } from '../components/use-live-query';
import { formatBytes } from './format-bytes';
import { countMemory } from './settings-query';
import { countMessage } from './ui-locale';
import type { StorageInfo } from './use-storage';

/** Registry order first, then ids the registry does not know (files of a model since removed). */
function modelEntries(cached: Record<string, number>): Array<[string, number]> {
  const order = (id: string) => {
    const i = MODELS.findIndex((m) => m.id === id);
    return i === -1 ? MODELS.length : i;
  };
  return Object.entries(cached)
    .filter(([, bytes]) => bytes > 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
}

export function StorageUsage({ storage }: { storage: StorageInfo }) {
  const counts = useLiveQuery(countMemory, []).value;
  const { estimate, models } = storage;
  const entries = models ? modelEntries(models) : [];
  const modelTotal = entries.reduce((sum, [, bytes]) => sum + bytes, 0);

  return (
    <section class="panel" aria-labelledby="storage-heading" data-testid="storage">
      <h2 id="storage-heading">{t('settingsStorageHeading')}</h2>
      <p class="storage-total" data-testid="storage-total" data-bytes={estimate?.usage}>
        {estimate
          ? t(
              'settingsStorageTotal',
              formatBytes(estimate.usage),
              formatBytes(Math.max(0, estimate.quota - estimate.usage)),
            )
          : storage.estimateError
            ? t('settingsStorageUnknown', storage.estimateError)
            : t('settingsMeasuring')}
      </p>
      <dl class="storage-facts">
        <div>
          <dt>{t('settingsMemory')}</dt>
          <dd
            data-testid="memory-counts"
            data-sources={counts?.sources}
            data-chunks={counts?.chunks}
          >
            {counts
              ? t(
                  'settingsMemoryCounts',
                  countMessage(counts.sources, 'settingsPagesOne', 'settingsPagesMany'),
                  countMessage(counts.chunks, 'settingsPassagesOne', 'settingsPassagesMany'),
                )
              : '…'}
          </dd>
        </div>
        <div>
          <dt>{t('settingsModels')}</dt>
          <dd data-testid="models-total" data-bytes={models ? modelTotal : undefined}>
            {models
              ? formatBytes(modelTotal)
              : storage.modelsError
                ? t('settingsUnknownError', storage.modelsError)
                : '…'}
          </dd>
        </div>
      </dl>
      {entries.length > 0 && (
        <ul class="storage-models" aria-label={t('settingsDownloadedModels')}>
          {entries.map(([id, bytes]) => (
            <li key={id} data-testid="model-usage" data-model-id={id} data-bytes={bytes}>
              <span>{modelSpec(id)?.name ?? id}</span>
              <span class="muted">{formatBytes(bytes)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
