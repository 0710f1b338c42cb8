/**
 * While memory is re-embedded for a newly chosen embedding model (issue 3): how far it has come.
 * The engine keeps searching with the model in use until every passage has the new vector.
 */
import { modelSpec } from '../../shared/model-registry';
import type { EngineStatus } from '../../shared/protocol';

export function ReembedProgress({ engine }: { engine: EngineStatus | undefined }) {
  const progress = engine?.reembedding;
  if (!progress) return null;
  const { done, total } = progress;
  const name = modelSpec(progress.model)?.name ?? progress.model;
  const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
  return (
    <p class="note" role="status" data-testid="reembed-progress">
      Re-indexing your memory for {name}: {done.toLocaleString('en')} of{' '}
      {total.toLocaleString('en')} passages ({percent}%). Search uses the current model until this
      is done.{' '}
      <progress max={Math.max(total, 1)} value={done} aria-label={`Re-indexing, ${percent}%`} />
    </p>
  );
}
