/** The settings page: models, storage and general settings, opened from the extension's options. */
import { render } from 'preact';
import { t } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { SettingsPage } = await import('./settings-page');
const { uiLocale } = await import('./ui-locale');

// The page's language, for the title bar, screen readers and the choice of CJK glyphs.
document.documentElement.lang = uiLocale();
document.title = t('settingsTitle');
const root = document.getElementById('app');
if (root) render(<SettingsPage />, root);
