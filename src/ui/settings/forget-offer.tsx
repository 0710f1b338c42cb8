/**
 * After a rule that keeps less of a site: "3 pages from example.com are in your memory — delete
 * them?". Deleting goes through the engine (`memory/forget`), which also drops them from search.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import { pagesSentence } from './forget-offer-words';
import { keptFrom } from './kept-from-site';

type State =
  | { kind: 'counting' }
  | { kind: 'offer'; ids: string[] }
  | { kind: 'deleting'; ids: string[] }
  | { kind: 'deleted'; count: number }
  | { kind: 'failed'; error: string; ids: string[] };

export function ForgetOffer({ pattern, onDone }: { pattern: string; onDone: () => void }) {
  const [state, setState] = useState<State>({ kind: 'counting' });

  useEffect(() => {
    let live = true;
    setState({ kind: 'counting' });
    keptFrom(pattern).then(
      (ids) => live && setState({ kind: 'offer', ids }),
      (error: unknown) => live && setState({ kind: 'failed', error: errorMessage(error), ids: [] }),
    );
    return () => {
      live = false;
    };
  }, [pattern]);

  const forget = async (ids: string[]) => {
    setState({ kind: 'deleting', ids });
    try {
      await send('engine/ensure', {});
      const { deleted } = await send('memory/forget', { sourceIds: ids });
      setState({ kind: 'deleted', count: deleted });
    } catch (error) {
      setState({ kind: 'failed', error: errorMessage(error), ids });
    }
  };

  if (state.kind === 'counting' || (state.kind === 'offer' && state.ids.length === 0)) return null;
  return (
    <div
      class="forget-offer"
      data-testid="forget-offer"
      role="region"
      aria-label={t('settingsKeptPages')}
    >
      {state.kind === 'offer' && (
        <>
          <p role="status">{pagesSentence('offer', state.ids.length, pattern)}</p>
          <button
            type="button"
            class="primary"
            data-testid="forget-confirm"
            onClick={() => void forget(state.ids)}
          >
            {pagesSentence('confirm', state.ids.length)}
          </button>
          <button type="button" data-testid="forget-keep" onClick={onDone}>
            {pagesSentence('keep', state.ids.length)}
          </button>
        </>
      )}
      {state.kind === 'deleting' && (
        <p role="status">{pagesSentence('deleting', state.ids.length)}</p>
      )}
      {state.kind === 'deleted' && (
        <p class="field-ok" role="status" data-testid="forget-done">
          {pagesSentence('done', state.count, pattern)}
        </p>
      )}
      {state.kind === 'failed' && (
        <>
          <p class="field-error" role="alert">
            {t('settingsForgetFailed', state.error)}
          </p>
          {state.ids.length > 0 && (
            <button type="button" onClick={() => void forget(state.ids)}>
              {t('settingsTryAgain')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
