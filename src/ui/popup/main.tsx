/** The toolbar popup: the chat at popup size (~400×560). */
import { render } from 'preact';
import { Chat } from '../components/chat';

const root = document.getElementById('app');
if (root) render(<Chat layout="popup" />, root);
