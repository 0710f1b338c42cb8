/**
 * The user's corrections to an entity: rename it, merge it into another (the other keeps its id
 * and gains this one's pages and names), delete it (its pages stay; only the entity goes).
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import type { GraphEntityRow } from '../../shared/store/graph-view-types';
import { deleteEntity, mergeEntity, renameEntity } from './graph-actions';
import { EntitySearch } from './entity-search';
import { openEntity } from './entity-route';

type Mode = 'idle' | 'rename' | 'merge' | 'delete';

export function EntityEdit({ entity, onGone }: { entity: GraphEntityRow; onGone: () => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState(entity.name);
  const [target, setTarget] = useState<GraphEntityRow>();
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<void>, after: () => void) => {
    setError(undefined);
    try {
      await action();
      setMode('idle');
      after();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section class="entity-edit" aria-labelledby="entity-edit-heading">
      <h3 id="entity-edit-heading">{t('graphEditHeading')}</h3>
      {mode === 'idle' && (
        <div class="entity-actions">
          <button type="button" data-testid="entity-rename" onClick={() => setMode('rename')}>
            {t('graphRename')}
          </button>
          <button type="button" data-testid="entity-merge" onClick={() => setMode('merge')}>
            {t('graphMerge')}
          </button>
          <button
            type="button"
            class="danger"
            data-testid="entity-delete"
            onClick={() => setMode('delete')}
          >
            {t('graphDelete')}
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <form
          class="entity-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => renameEntity(entity.id, name.trim()),
              () => undefined,
            );
          }}
        >
          <label>
            <span>{t('graphRenameLabel')}</span>
            <input
              type="text"
              data-testid="entity-rename-input"
              value={name}
              maxLength={120}
              required
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary">
            {t('graphSave')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('graphCancel')}
          </button>
        </form>
      )}
      {mode === 'merge' && (
        <div class="entity-form">
          <EntitySearch
            label={t('graphMergeLabel')}
            testId="entity-merge-search"
            exclude={entity.id}
            onPick={setTarget}
          />
          {target && <p>{t('graphMergeExplain', entity.name, target.name)}</p>}
          <button
            type="button"
            class="primary"
            disabled={!target}
            onClick={() =>
              target &&
              void run(
                () => mergeEntity(target.id, entity.id),
                () => openEntity(target.id),
              )
            }
          >
            {t('graphMergeConfirm')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('graphCancel')}
          </button>
        </div>
      )}
      {mode === 'delete' && (
        <div class="entity-form" role="alertdialog" aria-labelledby="entity-delete-text">
          <p id="entity-delete-text">{t('graphDeleteExplain', entity.name)}</p>
          <button
            type="button"
            class="danger"
            onClick={() => void run(() => deleteEntity(entity.id), onGone)}
          >
            {t('graphDeleteConfirm')}
          </button>
          {/* Cancel first in the tab order would be safer, but it takes the focus instead. */}
          <button type="button" autoFocus onClick={() => setMode('idle')}>
            {t('graphCancel')}
          </button>
        </div>
      )}
      {error && (
        <p class="lib-error" role="alert" data-testid="entity-error">
          {error}
        </p>
      )}
    </section>
  );
}
