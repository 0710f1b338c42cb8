/** The settings page: models, storage and general settings, opened from the extension's options. */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { SettingsPage } = await import('./settings-page');

// The page's language, for the title bar, screen readers and the choice of CJK glyphs.
document.documentElement.lang = uiLanguage();
document.title = t('settingsTitle');
const root = document.getElementById('app');
if (root) render(<SettingsPage />, root);
