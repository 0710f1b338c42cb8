/** "Remember this page": the same capture as the shortcut, for the tab the user is looking at. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { errorMessage, send } from '../../shared/messaging';

type State =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; title: string }
  | { kind: 'failed'; error: string };

async function rememberActiveTab(): Promise<string> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab to remember.');
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

  // The line is clamped to one row; the full text is in the tooltip.
  const message =
    state.kind === 'saved'
      ? `Saved: ${state.title || 'this page'}`
      : state.kind === 'failed'
        ? `Not saved: ${state.error}`
        : undefined;

  return (
    <div class="remember">
      <button
        type="button"
        data-testid="remember"
        disabled={state.kind === 'saving'}
        onClick={() => void remember()}
      >
        {state.kind === 'saving' ? 'Remembering…' : 'Remember this page'}
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
    </div>
  );
}
