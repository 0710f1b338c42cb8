/** The IndexedDB reads behind the settings page, written for `useLiveQuery`. */
import { db } from '../../shared/db';
import { readSettings, type SettingValue } from '../../shared/settings';
import { countChunks } from '../../shared/store/chunks';
import { countSources } from '../../shared/store/source-reads';

/** The settings the page shows (the pause and the model idle time are read by their own parts). */
const PAGE_SETTINGS = [
  'modelHost',
  'generation',
  'embeddingModel',
  'generationModel',
  'siteRules',
  'glimpseMinutes',
  'autoCapture',
  'autoCaptureDwellMs',
  'readFrames',
] as const;

export type Settings = { [K in (typeof PAGE_SETTINGS)[number]]: SettingValue<K> };

export const loadSettings = (): Promise<Settings> => readSettings(db(), PAGE_SETTINGS);

export interface MemoryCounts {
  sources: number;
  chunks: number;
}

export async function countMemory(): Promise<MemoryCounts> {
  const store = db();
  const [sources, chunks] = await Promise.all([countSources(store), countChunks(store)]);
  return { sources, chunks };
}
