/** The welcome page, opened once when Engram is installed (background/welcome.ts). */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { Welcome } = await import('./welcome');

// The page's language, for the title bar, screen readers and the choice of CJK glyphs.
document.documentElement.lang = uiLanguage();
document.title = t('welcomeTitle');
const root = document.getElementById('app');
if (root) render(<Welcome />, root);
