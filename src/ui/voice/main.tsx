/** The microphone permission page, opened from the popup or side panel (voice/microphone-access.ts). */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { PermissionPage } = await import('./permission-page');

document.documentElement.lang = uiLanguage();
document.title = t('voicePermissionPageTitle');
const root = document.getElementById('app');
if (root) render(<PermissionPage />, root);
