/** The welcome page, opened once when Engram is installed (background/welcome.ts). */
import { render } from 'preact';
import { t } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { Welcome } = await import('./welcome');
const { uiLocale } = await import('../settings/ui-locale');

// The page's language, for the title bar, screen readers and the choice of CJK glyphs.
document.documentElement.lang = uiLocale();
document.title = t('welcomeTitle');
const root = document.getElementById('app');
if (root) render(<Welcome />, root);
