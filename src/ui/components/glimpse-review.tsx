/**
 * The glimpse the shortcut just kept, before it is indexed (issue 5): the user can keep it now,
 * keep their own edit of it, or discard it. Doing nothing loses nothing: the hold runs out and
 * the glimpse is indexed as it was (shared/store/glimpses.ts). An edit saved after that becomes a
 * new version, linked to the one already indexed.
 */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import type { SourceRow } from '../../shared/db';
import { errorMessage, send } from '../../shared/messaging';
import { heldGlimpses } from '../../shared/store/glimpses';
import './glimpse.css';
import { useLiveQuery } from './use-live-query';
import { useNow } from './use-now';

const loadHeld = () => heldGlimpses(db());

function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function GlimpseReview() {
  const held = useLiveQuery(loadHeld, []).value;
  const latest = held?.[0];
  // A new glimpse starts a fresh review (no draft carried over from the last one).
  return latest ? <Review key={latest.id} glimpse={latest} more={(held?.length ?? 1) - 1} /> : null;
}

function Review({ glimpse, more }: { glimpse: SourceRow; more: number }) {
  const [draft, setDraft] = useState(glimpse.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const now = useNow(1_000);
  const edited = draft.trim() !== glimpse.text.trim();

  const review = async (action: 'keep' | 'edit' | 'discard') => {
    setBusy(true);
    try {
      await send('glimpse/review', {
        sourceId: glimpse.id,
        action,
        ...(action === 'edit' ? { text: draft } : {}),
      });
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const moment = glimpse.extractor === 'glimpse-now';
  return (
    <section class="glimpse-review" aria-labelledby="glimpse-heading" data-testid="glimpse-review">
      <h2 id="glimpse-heading" class="glimpse-heading" dir="auto">
        Glimpse kept from {glimpse.title}
      </h2>
      <p class="muted glimpse-note">
        {moment
          ? 'What was on screen when you pressed the shortcut (Engram has no access to this site, so it kept only that moment).'
          : 'What stayed on screen for a second or more in the last minutes.'}{' '}
        Indexed in {timeLeft((glimpse.heldUntil ?? now) - now)} unless you change it
        {more > 0 ? ` · ${more} more waiting` : ''}.
      </p>
      <label class="visually-hidden" for="glimpse-text">
        Text of the glimpse
      </label>
      <textarea
        id="glimpse-text"
        data-testid="glimpse-text"
        rows={5}
        dir="auto"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <p class="glimpse-actions">
        {edited ? (
          <button
            type="button"
            data-testid="glimpse-save"
            disabled={busy}
            onClick={() => void review('edit')}
          >
            Keep my edit
          </button>
        ) : (
          <button
            type="button"
            data-testid="glimpse-keep"
            disabled={busy}
            onClick={() => void review('keep')}
          >
            Keep now
          </button>
        )}
        <button
          type="button"
          data-testid="glimpse-discard"
          disabled={busy}
          onClick={() => void review('discard')}
        >
          Discard
        </button>
      </p>
      {error && (
        <p class="glimpse-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
