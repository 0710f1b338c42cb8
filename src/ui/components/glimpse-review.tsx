/**
 * The glimpses the shortcut kept, before they are indexed (issue 5): the user can keep one now,
 * keep their own edit of it, or discard it. Doing nothing loses nothing: the hold runs out and
 * the glimpse is indexed as it was (shared/store/glimpses.ts). An edit saved after that becomes a
 * new version, linked to the one already indexed.
 *
 * One line above the chat (issue 10), so it never takes the popup over: where the glimpse is
 * from, Keep / Edit / Discard, and which of the waiting glimpses this is, with the previous and
 * next ones a button (or an arrow key on the line) away. Edit opens the text below the line.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '../../shared/db';
import type { SourceRow } from '../../shared/db';
import { t, uiLanguage } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import { heldGlimpses } from '../../shared/store/source-reads';
import './glimpse.css';
import { ChevronLeft, ChevronRight } from './icons';
import { tNodes } from './message-nodes';
import { useLiveQuery } from './use-live-query';

const loadHeld = () => heldGlimpses(db());

/** In the interface's locale: under --lang=zh-CN the system's may still be en-US. */
const clockTime = (ms: number) =>
  new Date(ms).toLocaleTimeString(uiLanguage(), { hour: 'numeric', minute: '2-digit' });

export function GlimpseReview() {
  const held = useLiveQuery(loadHeld, []).value ?? [];
  // Followed by id, so a glimpse arriving or going does not swap the one being read; when it goes
  // (kept, discarded, indexed), the one that took its place is shown.
  const [shownId, setShownId] = useState<string>();
  const lastIndex = useRef(0);
  const found = held.findIndex((g) => g.id === shownId);
  const index = found >= 0 ? found : Math.min(lastIndex.current, held.length - 1);
  lastIndex.current = Math.max(0, index);
  const glimpse = held[index];
  if (!glimpse) return null;
  const go = (step: number) => {
    const next = held[(index + step + held.length) % held.length];
    if (next) setShownId(next.id);
  };
  // A new glimpse starts a fresh review (no draft carried over from the last one).
  return (
    <Review key={glimpse.id} glimpse={glimpse} position={index + 1} count={held.length} go={go} />
  );
}

interface ReviewProps {
  glimpse: SourceRow;
  position: number;
  count: number;
  go: (step: number) => void;
}

function Review({ glimpse, position, count, go }: ReviewProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(glimpse.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const editButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const edited = draft.trim() !== glimpse.text.trim();

  useEffect(() => {
    if (editing) box.current?.focus();
  }, [editing]);

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

  const closeEditor = () => {
    setEditing(false);
    setDraft(glimpse.text);
    editButton.current?.focus();
  };

  // Arrows on the line (not in the text) go through the waiting glimpses.
  const onLineKey = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (count < 2) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      go(event.key === 'ArrowLeft' ? -1 : 1);
    }
  };

  const onEditorKey = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    // Escape leaves the editor (not the popup); the text stays the glimpse's own.
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeEditor();
    }
  };

  const moment = glimpse.extractor === 'glimpse-now';
  const from = glimpse.site || glimpse.title;
  const detailsId = `glimpse-details-${position}`;
  const indexedAt = clockTime(glimpse.heldUntil ?? Date.now());
  return (
    <section
      class={`glimpse-review${editing ? ' is-open' : ''}`}
      aria-label={t('popupGlimpseWaiting')}
      data-testid="glimpse-review"
      data-glimpse-id={glimpse.id}
    >
      <div class="glimpse-line" onKeyDown={onLineKey}>
        <span
          class="glimpse-from"
          dir="auto"
          title={[
            glimpse.title,
            t(moment ? 'popupGlimpseMoment' : 'popupGlimpseRecent'),
            t('popupGlimpseIndexedAt', indexedAt),
          ].join('\n')}
        >
          {tNodes('popupGlimpseFrom', <strong>{from}</strong>)}
        </span>
        <button
          type="button"
          class="control"
          data-testid="glimpse-keep"
          disabled={busy}
          onClick={() => void review('keep')}
        >
          {t('popupGlimpseKeep')}
        </button>
        <button
          ref={editButton}
          type="button"
          class="control"
          data-testid="glimpse-edit"
          aria-expanded={editing}
          aria-controls={detailsId}
          onClick={() => (editing ? closeEditor() : setEditing(true))}
        >
          {t('popupGlimpseEdit')}
        </button>
        <button
          type="button"
          class="control"
          data-testid="glimpse-discard"
          disabled={busy}
          onClick={() => void review('discard')}
        >
          {t('popupGlimpseDiscard')}
        </button>
        {count > 1 && (
          <span class="glimpse-nav">
            <button
              type="button"
              class="control icon-button"
              data-testid="glimpse-previous"
              aria-label={t('popupGlimpsePrevious')}
              onClick={() => go(-1)}
            >
              <ChevronLeft />
            </button>
            <span data-testid="glimpse-position" aria-live="polite">
              {t('popupGlimpsePosition', position, count)}
            </span>
            <button
              type="button"
              class="control icon-button"
              data-testid="glimpse-next"
              aria-label={t('popupGlimpseNext')}
              onClick={() => go(1)}
            >
              <ChevronRight />
            </button>
          </span>
        )}
      </div>
      {editing && (
        <div id={detailsId} class="glimpse-details">
          <p class="muted glimpse-note" dir="auto">
            {t('popupGlimpseNote', glimpse.title, indexedAt)}
          </p>
          <label class="visually-hidden" for="glimpse-text">
            {t('popupGlimpseTextLabel')}
          </label>
          <textarea
            id="glimpse-text"
            ref={box}
            data-testid="glimpse-text"
            rows={4}
            dir="auto"
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={onEditorKey}
          />
          <p class="glimpse-actions">
            <button
              type="button"
              class="control primary"
              data-testid="glimpse-save"
              disabled={busy || !edited}
              onClick={() => void review('edit')}
            >
              {t('popupGlimpseSaveEdit')}
            </button>
            <button type="button" class="control" onClick={closeEditor}>
              {t('popupCancel')}
            </button>
          </p>
        </div>
      )}
      {error && (
        <p class="glimpse-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
