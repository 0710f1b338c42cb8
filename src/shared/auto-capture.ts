/**
 * Automatic capture (issue 5), as the UI and the service worker both need to name it: the host
 * access it asks for (optional_host_permissions in the manifest), and what it tells the user
 * before asking.
 */
import { t } from './i18n';

export const AUTO_CAPTURE_ORIGINS = ['http://*/*', 'https://*/*'];

/**
 * The plain disclosure shown before host access is requested, one paragraph each, in the browser's
 * language (which does not change while a page is open: words read on load stay right).
 */
export const AUTO_CAPTURE_DISCLOSURE: readonly string[] = [
  t('autoCaptureDisclosureWhen'),
  t('autoCaptureDisclosureKept'),
  t('autoCaptureDisclosureNever'),
  t('autoCaptureDisclosureAccess'),
];
