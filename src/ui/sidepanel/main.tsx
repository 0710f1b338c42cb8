/** The side panel: the same chat, as tall as the window, open while the user browses. */
import { render } from 'preact';
import { t } from '../../shared/i18n';
import { Chat } from '../components/chat';
import { interfaceLanguageTag } from '../components/interface-language';

document.documentElement.lang = interfaceLanguageTag();
document.title = t('popupSidePanelDocTitle');
const root = document.getElementById('app');
if (root) render(<Chat layout="panel" />, root);
