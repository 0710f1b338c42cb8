/**
 * The full-disk banner (issue 12): shown while the service worker's flag says writes fail for
 * lack of space (shared/disk-full.ts). It goes away by itself when the worker finds room again.
 */
import { useEffect, useState } from 'preact/hooks';
import { DISK_FULL_KEY, readDiskFull, type DiskFull } from '../../shared/disk-full';
import { t } from '../../shared/i18n';

export function DiskFullNotice() {
  const [full, setFull] = useState<DiskFull>();
  useEffect(() => {
    const read = () => void readDiskFull().then(setFull, () => setFull(undefined));
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && DISK_FULL_KEY in changes) read();
    };
    read();
    chrome.storage.onChanged.addListener(onChanged);
    return () => chrome.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!full) return null;
  return (
    <p class="engine-error disk-full" role="alert" data-testid="disk-full">
      {t('popupDiskFull', new Date(full.since).toLocaleString())}
    </p>
  );
}
