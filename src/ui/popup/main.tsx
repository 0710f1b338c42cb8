/** The toolbar popup: the chat at popup size (~400×560). */
import { render } from 'preact';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { Chat } = await import('../components/chat');
const { interfaceLanguageTag } = await import('../components/interface-language');

document.documentElement.lang = interfaceLanguageTag();
const root = document.getElementById('app');
if (root) render(<Chat layout="popup" />, root);
