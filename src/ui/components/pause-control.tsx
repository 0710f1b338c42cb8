/**
 * Pause saving for an hour, until tomorrow, or until resumed; or resume. Shown in the popup and
 * the settings page. The state is read live from IndexedDB (shared/pause.ts); a choice goes to
 * the service worker, which stores it and keeps the toolbar badge and its alarm in step.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { errorMessage, send } from '../../shared/messaging';
import {
  describePause,
  pauseStatusAt,
  readPause,
  type PauseChoice,
  type StoredPause,
} from '../../shared/pause';
import './pause-control.css';
import { useLiveQuery } from './use-live-query';
import { useNow } from './use-now';

const CHOICES: ReadonlyArray<{ value: Exclude<PauseChoice, 'resume'>; label: string }> = [
  { value: 'hour', label: 'for 1 hour' },
  { value: 'tomorrow', label: 'until tomorrow' },
  { value: 'resume-manually', label: 'until I resume' },
];

/** Wrapped, so that "not read yet" (undefined) differs from "not paused" (`{stored: null}`). */
const readStored = async (): Promise<{ stored: StoredPause }> => ({
  stored: await readPause(db()),
});

export function PauseControl({ idPrefix }: { idPrefix: string }) {
  const stored = useLiveQuery(readStored, []);
  const now = Math.max(useNow(30_000), Date.now());
  const [choice, setChoice] = useState<Exclude<PauseChoice, 'resume'>>('hour');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const select = useRef<HTMLSelectElement>(null);

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
  const selectId = `${idPrefix}-pause-choice`;

  return (
    <div
      class={`pause${status.paused ? ' is-paused' : ''}`}
      data-testid="pause-control"
      data-paused={status.paused}
    >
      {status.paused ? (
        <>
          <span class="pause-state" role="status" data-testid="pause-state">
            {describePause(status, now)}: nothing is saved.
          </span>
          <button
            type="button"
            data-testid="resume"
            disabled={busy}
            onClick={() => void apply('resume')}
          >
            Resume saving
          </button>
        </>
      ) : (
        <>
          <label for={selectId}>Pause saving</label>
          <select
            id={selectId}
            ref={select}
            data-testid="pause-choice"
            value={choice}
            onChange={(event) =>
              setChoice(event.currentTarget.value as Exclude<PauseChoice, 'resume'>)
            }
          >
            {CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="pause"
            disabled={busy}
            // The field itself, not the state: a change in the same task is not rendered yet.
            onClick={() =>
              void apply(CHOICES.find((c) => c.value === select.current?.value)?.value ?? choice)
            }
          >
            Pause
          </button>
        </>
      )}
      {error && (
        <span class="pause-error" role="alert" data-testid="pause-error">
          Not changed: {error}
        </span>
      )}
    </div>
  );
}
