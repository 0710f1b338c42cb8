/** How much room Engram takes: the whole origin, each model's files, and the memory itself. */
import { MODELS, modelSpec } from '../../shared/model-registry';
import { useLiveQuery } from '../components/use-live-query';
import { formatBytes } from './format-bytes';
import { countMemory } from './settings-query';
import type { StorageInfo } from './use-storage';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

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
      <h2 id="storage-heading">Storage</h2>
      <p class="storage-total" data-testid="storage-total" data-bytes={estimate?.usage}>
        {estimate
          ? `Engram uses ${formatBytes(estimate.usage)}; ${formatBytes(
              Math.max(0, estimate.quota - estimate.usage),
            )} more is available.`
          : storage.estimateError
            ? `Storage use unknown: ${storage.estimateError}`
            : 'Measuring…'}
      </p>
      <dl class="storage-facts">
        <div>
          <dt>Memory</dt>
          <dd
            data-testid="memory-counts"
            data-sources={counts?.sources}
            data-chunks={counts?.chunks}
          >
            {counts
              ? `${plural(counts.sources, 'page', 'pages')} remembered, ${plural(
                  counts.chunks,
                  'passage',
                  'passages',
                )} indexed`
              : '…'}
          </dd>
        </div>
        <div>
          <dt>Models</dt>
          <dd data-testid="models-total" data-bytes={models ? modelTotal : undefined}>
            {models
              ? formatBytes(modelTotal)
              : storage.modelsError
                ? `unknown: ${storage.modelsError}`
                : '…'}
          </dd>
        </div>
      </dl>
      {entries.length > 0 && (
        <ul class="storage-models" aria-label="Downloaded models">
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
