/** The settings page: models, storage and general settings, opened from the extension's options. */
import { render } from 'preact';
import { t } from '../../shared/i18n';
import { SettingsPage } from './settings-page';
import { uiLocale } from './ui-locale';

// The page's language, for the title bar, screen readers and the choice of CJK glyphs.
document.documentElement.lang = uiLocale();
document.title = t('settingsTitle');
const root = document.getElementById('app');
if (root) render(<SettingsPage />, root);
