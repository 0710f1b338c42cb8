/**
 * After a rule that keeps less of a site: "3 pages from example.com are in your memory — delete
 * them?". Deleting goes through the engine (`memory/forget`), which also drops them from search.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorMessage, send } from '../../shared/messaging';
import { keptFrom } from './kept-from-site';

type State =
  | { kind: 'counting' }
  | { kind: 'offer'; ids: string[] }
  | { kind: 'deleting'; ids: string[] }
  | { kind: 'deleted'; count: number }
  | { kind: 'failed'; error: string; ids: string[] };

const pages = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'page' : 'pages'}`;

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
    <div class="forget-offer" data-testid="forget-offer" role="region" aria-label="Kept pages">
      {state.kind === 'offer' && (
        <>
          <p role="status">
            {pages(state.ids.length)} from {pattern} {state.ids.length === 1 ? 'is' : 'are'} already
            in your memory. Delete {state.ids.length === 1 ? 'it' : 'them'}?
          </p>
          <button
            type="button"
            class="primary"
            data-testid="forget-confirm"
            onClick={() => void forget(state.ids)}
          >
            Delete {pages(state.ids.length)}
          </button>
          <button type="button" data-testid="forget-keep" onClick={onDone}>
            Keep them
          </button>
        </>
      )}
      {state.kind === 'deleting' && <p role="status">Deleting {pages(state.ids.length)}…</p>}
      {state.kind === 'deleted' && (
        <p class="field-ok" role="status" data-testid="forget-done">
          Deleted {pages(state.count)} from {pattern}: gone from storage and search.
        </p>
      )}
      {state.kind === 'failed' && (
        <>
          <p class="field-error" role="alert">
            Nothing was deleted: {state.error}
          </p>
          {state.ids.length > 0 && (
            <button type="button" onClick={() => void forget(state.ids)}>
              Try again
            </button>
          )}
        </>
      )}
    </div>
  );
}
