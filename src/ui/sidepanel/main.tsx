/** The side panel: the same chat, as tall as the window, open while the user browses. */
import { render } from 'preact';
import { Chat } from '../components/chat';

const root = document.getElementById('app');
if (root) render(<Chat layout="panel" />, root);
