/** "Remember this page": the same capture as the shortcut, for the tab the user is looking at. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import { BookmarkIcon } from './icons';

type State =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; title: string }
  | { kind: 'failed'; error: string };

async function rememberActiveTab(): Promise<string> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(t('popupRememberNoTab'));
  const { title } = await send('capture/active-tab', { tabId: tab.id });
  return title;
}

export function RememberButton() {
  const [state, setState] = useState<State>({ kind: 'idle' });

  const remember = async () => {
    setState({ kind: 'saving' });
    try {
      setState({ kind: 'saved', title: await rememberActiveTab() });
    } catch (error) {
      setState({ kind: 'failed', error: errorMessage(error) });
    }
  };

  // A line of its own below the controls, only once there is something to say; clamped to one
  // row, the full text in the tooltip.
  const message =
    state.kind === 'saved'
      ? t('popupRememberSaved', state.title || t('popupRememberThisPage'))
      : state.kind === 'failed'
        ? t('popupRememberFailed', state.error)
        : undefined;

  return (
    <>
      <button
        type="button"
        class="control"
        data-testid="remember"
        title={t('popupRememberTitle')}
        disabled={state.kind === 'saving'}
        onClick={() => void remember()}
      >
        <BookmarkIcon /> {t(state.kind === 'saving' ? 'popupRemembering' : 'popupRemember')}
      </button>
      <span
        class={`remember-result${state.kind === 'failed' ? ' is-error' : ''}`}
        data-testid="remember-result"
        data-state={state.kind}
        role="status"
        dir="auto"
        title={message}
      >
        {message}
      </span>
    </>
  );
}
