/** The toolbar popup: the chat at popup size (~400×560). */
import { render } from 'preact';
import { uiIsChinese } from '../../shared/i18n';
import { Chat } from '../components/chat';

// The page's language is the interface's, so that Chinese text gets Chinese fonts and line breaks.
document.documentElement.lang = uiIsChinese() ? 'zh-CN' : 'en';
const root = document.getElementById('app');
if (root) render(<Chat layout="popup" />, root);
