/** The toolbar popup: the chat at popup size (~400×560). */
import { render } from 'preact';
import { Chat } from '../components/chat';
import { interfaceLanguageTag } from '../components/interface-language';

document.documentElement.lang = interfaceLanguageTag();
const root = document.getElementById('app');
if (root) render(<Chat layout="popup" />, root);
