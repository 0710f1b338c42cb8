/**
 * While the engine gives pages kept before the knowledge graph existed their people, places and
 * ideas (issue 14, engine/ingest/graph-backfill.ts): how far it has come. Shown beside the
 * re-indexing progress, since both are memory-wide work that runs in the background.
 */
import { t } from '../../shared/i18n';
import type { EngineStatus } from '../../shared/protocol';
import { formatCount } from './ui-locale';

export function GraphBackfillProgress({ engine }: { engine: EngineStatus | undefined }) {
  const progress = engine?.graphBackfill;
  if (!progress || progress.total === 0) return null;
  const { done, total } = progress;
  return (
    <p class="note" role="status" data-testid="graph-backfill-progress">
      {t('settingsGraphBackfillProgress', formatCount(done), formatCount(total))}{' '}
      <progress max={total} value={done} aria-label={t('settingsGraphBackfillAria')} />
    </p>
  );
}
