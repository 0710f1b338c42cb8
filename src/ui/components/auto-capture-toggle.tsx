/**
 * Automatic capture, off until the user turns it on (issue 5). Turning it on shows a plain
 * disclosure first; "Turn on" then asks Chrome for host access (a user gesture is required, so
 * the request is the first thing the click does). Refused access changes nothing. Turning it off
 * stores the setting, gives the access back, and tells the service worker, which stops the
 * watchers of the pages already open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { AUTO_CAPTURE_DISCLOSURE, AUTO_CAPTURE_ORIGINS } from '../../shared/auto-capture';
import { db } from '../../shared/db';
import { errorMessage, send } from '../../shared/messaging';
import { readSetting, writeSetting } from '../../shared/settings';
import './glimpse.css';
import { useLiveQuery } from './use-live-query';

const readAuto = () => readSetting(db(), 'autoCapture');

export function AutoCaptureToggle({ idPrefix }: { idPrefix: string }) {
  const on = useLiveQuery(readAuto, []).value;
  const [disclosing, setDisclosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const headingId = `${idPrefix}-auto-heading`;
  const confirm = useRef<HTMLButtonElement>(null);
  // The "Turn on…" button goes away as the disclosure opens: keyboard focus moves into it.
  useEffect(() => {
    if (disclosing) confirm.current?.focus();
  }, [disclosing]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setError(undefined);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const turnOn = () =>
    run(async () => {
      const granted = await browser.permissions.request({ origins: AUTO_CAPTURE_ORIGINS });
      if (!granted) {
        throw new Error('Chrome did not give Engram access to pages, so nothing changed.');
      }
      await writeSetting(db(), 'autoCapture', true);
      await send('watch/sync', {});
      setDisclosing(false);
    });

  const turnOff = () =>
    run(async () => {
      await writeSetting(db(), 'autoCapture', false);
      // Builds that ship with host access cannot give it back; that is not an error.
      await browser.permissions.remove({ origins: AUTO_CAPTURE_ORIGINS }).catch(() => false);
      await send('watch/sync', {});
    });

  if (on === undefined) return null;
  return (
    <section class="auto-capture" aria-labelledby={headingId} data-testid="auto-capture">
      <p class="auto-capture-row">
        {/* One switch-like button that says the state: off opens the disclosure, on turns off. */}
        {on ? (
          <button
            type="button"
            class="control auto-capture-switch"
            data-testid="auto-capture-off"
            aria-pressed="true"
            title="Automatic capture is on: turn it off"
            disabled={busy}
            onClick={() => void turnOff()}
          >
            <span id={headingId}>
              Auto<span class="visually-hidden">matic capture</span>
            </span>{' '}
            <strong data-testid="auto-capture-state" data-on={on}>
              on
            </strong>
          </button>
        ) : (
          <button
            type="button"
            class="control auto-capture-switch"
            data-testid="auto-capture-details"
            aria-expanded={disclosing}
            title="Automatic capture is off: what turning it on means"
            onClick={() => setDisclosing((shown) => !shown)}
          >
            <span id={headingId}>
              Auto<span class="visually-hidden">matic capture</span>
            </span>{' '}
            <strong data-testid="auto-capture-state" data-on={on}>
              off
            </strong>
          </button>
        )}
      </p>
      {!on && disclosing && (
        <div class="auto-capture-disclosure" data-testid="auto-capture-disclosure">
          {AUTO_CAPTURE_DISCLOSURE.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p class="auto-capture-actions">
            <button
              ref={confirm}
              type="button"
              data-testid="auto-capture-on"
              disabled={busy}
              onClick={() => void turnOn()}
            >
              Turn on and allow access
            </button>
            <button type="button" onClick={() => setDisclosing(false)}>
              Not now
            </button>
          </p>
        </div>
      )}
      {error && (
        <p class="auto-capture-error" role="alert" data-testid="auto-capture-error">
          {error}
        </p>
      )}
    </section>
  );
}
