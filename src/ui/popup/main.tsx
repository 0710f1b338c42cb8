/** The toolbar popup: the chat at popup size (~400×560). */
import { render } from 'preact';
import { uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { Chat } = await import('../components/chat');

document.documentElement.lang = uiLanguage();
const root = document.getElementById('app');
if (root) render(<Chat layout="popup" />, root);
