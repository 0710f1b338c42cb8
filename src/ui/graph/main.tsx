/** The graph page: the picture of the entities Engram found, and each entity's page (issue 14). */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { GraphPage } = await import('./graph-page');

document.documentElement.lang = uiLanguage();
document.title = t('graphTitle');
const root = document.getElementById('app');
if (root) render(<GraphPage />, root);
