/** The side panel: the same chat, as tall as the window, open while the user browses. */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { Chat } = await import('../components/chat');

document.documentElement.lang = uiLanguage();
document.title = t('popupSidePanelDocTitle');
const root = document.getElementById('app');
if (root) render(<Chat layout="panel" />, root);
