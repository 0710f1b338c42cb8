/**
 * Pause saving for an hour, until tomorrow, or until resumed; or resume. Shown in the popup and
 * the settings page. The state is read live from IndexedDB (shared/pause.ts); a choice goes to
 * the service worker, which stores it and keeps the toolbar badge and its alarm in step.
 *
 * A menu button (WAI-ARIA pattern), not a native select (issue 10): Enter, Space or the arrows
 * open it, the arrows, Home and End move, Enter chooses, Escape or Tab closes, and the focus goes
 * back to the button.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t, type MessageKey } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import {
  describePause,
  pauseStatusAt,
  readPause,
  type PauseChoice,
  type StoredPause,
} from '../../shared/pause';
import { ChevronDown, PauseIcon, PlayIcon } from './icons';
import { menuMove } from './menu-keys';
import './pause-control.css';
import { useLiveQuery } from './use-live-query';
import { useNow } from './use-now';

const CHOICES: ReadonlyArray<{ value: Exclude<PauseChoice, 'resume'>; label: MessageKey }> = [
  { value: 'hour', label: 'popupPauseHour' },
  { value: 'tomorrow', label: 'popupPauseTomorrow' },
  { value: 'resume-manually', label: 'popupPauseUntilResume' },
];

/** Wrapped, so that "not read yet" (undefined) differs from "not paused" (`{stored: null}`). */
const readStored = async (): Promise<{ stored: StoredPause }> => ({
  stored: await readPause(db()),
});

export function PauseControl({ idPrefix }: { idPrefix: string }) {
  const stored = useLiveQuery(readStored, []);
  const now = Math.max(useNow(30_000), Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  /** The menu is open, with the focus on this item (null: closed). */
  const [open, setOpen] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (open !== null) menu.current?.querySelectorAll('button')[open]?.focus();
  }, [open]);

  const apply = async (next: PauseChoice) => {
    setBusy(true);
    try {
      await send('pause/set', { choice: next });
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  };

  const onButtonKey = (event: TargetedKeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(event.key === 'ArrowUp' ? CHOICES.length - 1 : 0);
    }
  };

  const onMenuKey = (event: TargetedKeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Escape') {
      // Closes the menu, not the popup.
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key === 'Tab') {
      close(false);
      return;
    }
    const next = menuMove(event.key, open ?? 0, CHOICES.length);
    if (next !== null) {
      event.preventDefault();
      setOpen(next);
    }
  };

  // Unreadable counts as paused, as it does for capture itself (fail closed).
  const status = stored.value
    ? pauseStatusAt(stored.value.stored, now)
    : ({ paused: true, until: null, reason: 'unreadable' } as const);
  const until = status.paused ? status.until : null;
  // A timed pause ends without a write: show it ending on time, not at the next tick of the clock.
  const [, setEnded] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setEnded(until), Math.max(0, until - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [until]);
  if (!stored.value && !stored.error) return null;
  const menuId = `${idPrefix}-pause-menu`;
  const described = describePause(status, now);

  return (
    <div
      class={`pause${status.paused ? ' is-paused' : ''}`}
      data-testid="pause-control"
      data-paused={status.paused}
    >
      {status.paused ? (
        <>
          <span
            class="pause-state"
            role="status"
            data-testid="pause-state"
            title={t('popupPausedTitle', described)}
          >
            {described}
          </span>
          <button
            type="button"
            class="control"
            data-testid="resume"
            disabled={busy}
            onClick={() => void apply('resume')}
          >
            <PlayIcon /> {t('popupResume')}
          </button>
        </>
      ) : (
        <div
          class="menu-button"
          onFocusOut={(event) => {
            // Closed when the focus leaves the button and its menu (a click elsewhere, Tab).
            const next = event.relatedTarget as Node | null;
            if (open !== null && !event.currentTarget.contains(next)) setOpen(null);
          }}
        >
          <button
            ref={button}
            type="button"
            class="control"
            data-testid="pause"
            aria-haspopup="menu"
            aria-expanded={open !== null}
            aria-controls={menuId}
            title={t('popupPauseTitle')}
            disabled={busy}
            onClick={() => (open === null ? setOpen(0) : close(true))}
            onKeyDown={onButtonKey}
          >
            <PauseIcon /> {t('popupPause')} <ChevronDown />
          </button>
          {open !== null && (
            <ul
              ref={menu}
              id={menuId}
              class="menu"
              role="menu"
              aria-label={t('popupPauseTitle')}
              data-testid="pause-menu"
              onKeyDown={onMenuKey}
            >
              {CHOICES.map((c) => (
                <li key={c.value} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    data-testid="pause-choice"
                    data-choice={c.value}
                    onClick={() => {
                      close(true);
                      void apply(c.value);
                    }}
                  >
                    {t(c.label)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <span class="pause-error" role="alert" data-testid="pause-error">
          {t('popupPauseFailed', error)}
        </span>
      )}
    </div>
  );
}
