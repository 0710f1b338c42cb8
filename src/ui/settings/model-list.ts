/** Which registered models the settings page lists, grouped by task, and how their facts read. */
import type { ModelSpec } from '../../shared/model-registry';

export interface TaskGroup {
  task: ModelSpec['task'];
  title: string;
  /** The setting that names the model in use for this task. */
  setting: 'embeddingModel' | 'generationModel';
}

export const TASK_GROUPS: readonly TaskGroup[] = [
  { task: 'embed', title: 'Embedding', setting: 'embeddingModel' },
  { task: 'generate', title: 'Answers', setting: 'generationModel' },
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

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Multilingual", or "English, French" from ISO 639-1 codes. */
export function describeLanguages(languages: readonly string[]): string {
  return languages
    .map((code) => {
      if (code === 'multilingual') return 'Multilingual';
      try {
        return languageNames.of(code) ?? code;
      } catch {
        return code; // Not a well-formed language tag: show it as written.
      }
    })
    .join(', ');
}
