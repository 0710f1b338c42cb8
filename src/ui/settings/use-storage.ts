/**
 * Bytes on disk: the origin's use and quota (`navigator.storage.estimate()`) and each model's
 * cached files. Neither is in IndexedDB, so neither is live: the page asks again whenever `key`
 * changes (a model finished or failed a download) and after a delete.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { modelFilesUsage } from '../../shared/model-files';

export interface Estimate {
  usage: number;
  quota: number;
}

export interface StorageInfo {
  /** Undefined until known. */
  estimate: Estimate | undefined;
  estimateError: string | undefined;
  /** Bytes cached per model id; undefined until known. */
  models: Record<string, number> | undefined;
  modelsError: string | undefined;
}

const EMPTY: StorageInfo = {
  estimate: undefined,
  estimateError: undefined,
  models: undefined,
  modelsError: undefined,
};

async function readEstimate(): Promise<Estimate> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) {
    // Shown on the page as the reason the use is unknown.
    throw new Error(t('settingsNoStorageEstimate'));
  }
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}

export function useStorage(key: string): { storage: StorageInfo; refresh: () => void } {
  const [storage, setStorage] = useState<StorageInfo>(EMPTY);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    const update = (part: Partial<StorageInfo>) => {
      if (current) setStorage((last) => ({ ...last, ...part }));
    };
    readEstimate().then(
      (estimate) => update({ estimate, estimateError: undefined }),
      (error: unknown) => update({ estimateError: errorMessage(error) }),
    );
    modelFilesUsage().then(
      (models) => update({ models, modelsError: undefined }),
      (error: unknown) => update({ modelsError: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  return { storage, refresh: () => setRound((n) => n + 1) };
}
