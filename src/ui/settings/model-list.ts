/** Which registered models the settings page lists, grouped by task, and how their facts read. */
import { t, type MessageKey } from '../../shared/i18n';
import type { ModelSpec } from '../../shared/model-registry';
import { uiLanguage } from '../../shared/i18n';

export interface TaskGroup {
  task: ModelSpec['task'];
  title: MessageKey;
  /**
   * The setting that names the model in use for this task; none where the build decides (speech:
   * one model, downloaded on the first press of the microphone, listed so it can be seen and
   * deleted).
   */
  setting?: 'embeddingModel' | 'generationModel';
}

export const TASK_GROUPS: readonly TaskGroup[] = [
  { task: 'embed', title: 'settingsTaskEmbed', setting: 'embeddingModel' },
  { task: 'generate', title: 'settingsTaskGenerate', setting: 'generationModel' },
  { task: 'transcribe', title: 'settingsTaskTranscribe' },
];

/**
 * The models a user may pick: the test build lists everything, the shipped build hides the test
 * fixtures, except one the settings name (it is in use, so it must be shown to be switched away
 * from).
 */
export function visibleModels(
  all: readonly ModelSpec[],
  fixtureBuild: boolean,
  inUse: ReadonlySet<string>,
): ModelSpec[] {
  return all.filter((spec) => fixtureBuild || !spec.fixture || inUse.has(spec.id));
}

/**
 * "Multilingual", or "English, French" ("英语、法语") from ISO 639-1 codes, named and listed in
 * the interface's language.
 */
export function describeLanguages(languages: readonly string[], locale = uiLanguage()): string {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  // Narrow: a plain list, "English, French", without the "and" of a sentence.
  const list = new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' });
  return list.format(
    languages.map((code) => {
      if (code === 'multilingual') return t('settingsMultilingual');
      try {
        return names.of(code) ?? code;
      } catch {
        return code; // Not a well-formed language tag: show it as written.
      }
    }),
  );
}
