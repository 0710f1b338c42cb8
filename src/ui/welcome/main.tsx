/** The welcome page, opened once when Engram is installed (background/welcome.ts). */
import { render } from 'preact';
import { t } from '../../shared/i18n';
import { uiLocale } from '../settings/ui-locale';
import { Welcome } from './welcome';

// The page's language, for the title bar, screen readers and the choice of CJK glyphs.
document.documentElement.lang = uiLocale();
document.title = t('welcomeTitle');
const root = document.getElementById('app');
if (root) render(<Welcome />, root);
