/**
 * While memory is re-embedded for a newly chosen embedding model (issue 3): how far it has come.
 * The engine keeps searching with the model in use until every passage has the new vector.
 */
import { t } from '../../shared/i18n';
import { modelSpec } from '../../shared/model-registry';
import type { EngineStatus } from '../../shared/protocol';
import { formatCount } from './ui-locale';

export function ReembedProgress({ engine }: { engine: EngineStatus | undefined }) {
  const progress = engine?.reembedding;
  if (!progress) return null;
  const { done, total } = progress;
  const name = modelSpec(progress.model)?.name ?? progress.model;
  const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
  return (
    <p class="note" role="status" data-testid="reembed-progress">
      {t(
        total === 1 ? 'settingsReembedProgressOne' : 'settingsReembedProgressMany',
        name,
        formatCount(done),
        formatCount(total),
        formatCount(percent),
      )}{' '}
      <progress
        max={Math.max(total, 1)}
        value={done}
        aria-label={t('settingsReembedAria', formatCount(percent))}
      />
    </p>
  );
}
