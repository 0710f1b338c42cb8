/** The IndexedDB reads behind the settings page, written for `useLiveQuery`. */
import { db } from '../../shared/db';
import { readSetting, type SettingKey, type SettingValue } from '../../shared/settings';

export type Settings = { [K in SettingKey]: SettingValue<K> };

export async function loadSettings(): Promise<Settings> {
  const store = db();
  const [modelHost, generation, embeddingModel, generationModel, siteRules] = await Promise.all([
    readSetting(store, 'modelHost'),
    readSetting(store, 'generation'),
    readSetting(store, 'embeddingModel'),
    readSetting(store, 'generationModel'),
    readSetting(store, 'siteRules'),
  ]);
  const [glimpseMinutes, autoCapture, autoCaptureDwellMs, readFrames] = await Promise.all([
    readSetting(store, 'glimpseMinutes'),
    readSetting(store, 'autoCapture'),
    readSetting(store, 'autoCaptureDwellMs'),
    readSetting(store, 'readFrames'),
  ]);
  return {
    modelHost,
    generation,
    embeddingModel,
    generationModel,
    siteRules,
    glimpseMinutes,
    autoCapture,
    autoCaptureDwellMs,
    readFrames,
  };
}

export interface MemoryCounts {
  sources: number;
  chunks: number;
}

export async function countMemory(): Promise<MemoryCounts> {
  const store = db();
  const [sources, chunks] = await Promise.all([store.sources.count(), store.chunks.count()]);
  return { sources, chunks };
}
