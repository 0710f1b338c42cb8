/**
 * The models of this build, by task: what each is, whether it is downloaded, which one is in use,
 * and the buttons to switch or to free space. Switching writes the setting and restarts the engine,
 * which loads the models the settings name.
 */
import { useState } from 'preact/hooks';
import { db, type ModelRow as LiveRow } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import { deleteModelFiles } from '../../shared/model-files';
import { MODELS, speechModelId, type ModelSpec } from '../../shared/model-registry';
import { writeSetting } from '../../shared/settings';
import { ModelRow } from './model-row';
import { GraphBackfillProgress } from './graph-backfill-progress';
import { ReembedProgress } from './reembed-progress';
import { ModelRuntimeSettings } from './model-runtime-settings';
import { useEngineStatus } from '../components/model-status-poll';
import { TASK_GROUPS, visibleModels, type TaskGroup } from './model-list';
import { deviceOf, speedLine } from './model-speed';
import type { Settings } from './settings-query';

/** What the last switch or retry is doing; while `busy`, no second one starts. */
interface Notice {
  kind: 'busy' | 'done' | 'failed';
  text: string;
}

interface Props {
  settings: Settings;
  rows: readonly LiveRow[];
  /** Bytes cached per model id; undefined while unknown. */
  cached: Record<string, number> | undefined;
  /** Called after files were deleted, so the sizes are read again. */
  onDeleted: () => void;
}

export function ModelsPanel({ settings, rows, cached, onDeleted }: Props) {
  const [notice, setNotice] = useState<Notice>();
  const engine = useEngineStatus(2_000);
  const inUse = new Set([settings.embeddingModel, settings.generationModel]);
  const models = visibleModels(MODELS, __ENGRAM_FIXTURE_MODELS__, inUse);
  const live = new Map(rows.map((row) => [row.id, row]));
  const device = deviceOf(engine?.runtime, navigator.hardwareConcurrency);

  const use = async (group: TaskGroup, spec: ModelSpec) => {
    setNotice({ kind: 'busy', text: t('settingsSwitching', spec.name) });
    if (!group.setting) return;
    try {
      await writeSetting(db(), group.setting, spec.id);
    } catch (error) {
      setNotice({
        kind: 'failed',
        text: t('settingsSwitchFailed', spec.name, errorMessage(error)),
      });
      return;
    }
    try {
      await send('engine/restart', {});
      setNotice({
        kind: 'done',
        text: t(group.task === 'embed' ? 'settingsNowUsingReindex' : 'settingsNowUsing', spec.name),
      });
    } catch (error) {
      setNotice({
        kind: 'failed',
        text: t('settingsSelectedNoRestart', spec.name, errorMessage(error)),
      });
    }
  };

  const retry = async (spec: ModelSpec) => {
    setNotice({ kind: 'busy', text: t('settingsRetrying', spec.name) });
    try {
      await send('engine/restart', {});
      setNotice({ kind: 'done', text: t('settingsTrying', spec.name) });
    } catch (error) {
      setNotice({ kind: 'failed', text: t('settingsNoRestart', errorMessage(error)) });
    }
  };

  const remove = async (id: string) => {
    try {
      await deleteModelFiles(id);
    } finally {
      onDeleted();
    }
  };

  return (
    <section class="panel" aria-labelledby="models-heading" data-testid="models-panel">
      <h2 id="models-heading">{t('settingsModels')}</h2>
      <p class="muted">{t('settingsModelsIntro')}</p>
      <ModelRuntimeSettings engine={engine} />
      <p
        class={`switch-notice${notice?.kind === 'failed' ? ' is-error' : ''}`}
        role="status"
        data-testid="switch-notice"
      >
        {notice?.text}
      </p>
      {TASK_GROUPS.map((group) => {
        const specs = models.filter((spec) => spec.task === group.task);
        const headingId = `models-${group.task}`;
        return (
          <section class="model-group" key={group.task} aria-labelledby={headingId}>
            <h3 id={headingId}>{t(group.title)}</h3>
            {group.task === 'embed' && (
              <p class="note" data-testid="reindex-note">
                {t('settingsReindexNote')}
              </p>
            )}
            {group.task === 'embed' && <ReembedProgress engine={engine} />}
            {group.task === 'embed' && <GraphBackfillProgress engine={engine} />}
            <ul class="model-list">
              {specs.map((spec) => (
                <ModelRow
                  key={spec.id}
                  spec={spec}
                  row={live.get(spec.id)}
                  inUse={
                    group.setting
                      ? settings[group.setting] === spec.id
                      : spec.id === speechModelId()
                  }
                  cached={cached === undefined ? undefined : (cached[spec.id] ?? 0)}
                  speed={speedLine(spec, device)}
                  switching={notice?.kind === 'busy'}
                  onUse={() => void use(group, spec)}
                  onRetry={() => void retry(spec)}
                  onDelete={() => remove(spec.id)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
