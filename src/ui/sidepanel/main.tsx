/** The side panel: the same chat, as tall as the window, open while the user browses. */
import { render } from 'preact';
import { t, uiLanguage } from '../../shared/i18n';
import { prepareWords } from '../../shared/locale-memo';

// Words first (src/shared/locale-memo.ts), then the modules that word things as they load.
await prepareWords();
const { Chat } = await import('../components/chat');
const { SeenNote } = await import('../components/seen-note');

document.documentElement.lang = uiLanguage();
document.title = t('popupSidePanelDocTitle');
const root = document.getElementById('app');
// `#conversation=ID`: the library's "cited in" opens that conversation here, in a tab.
const cited = new URLSearchParams(location.hash.slice(1)).get('conversation');
// "Seen before" (issue 14) above the chat, which keeps the rest of the panel.
if (root) {
  render(
    <div class="panel-stack">
      <SeenNote />
      <Chat layout="panel" initial={cited ? { kind: 'id', id: cited } : undefined} />
    </div>,
    root,
  );
}
