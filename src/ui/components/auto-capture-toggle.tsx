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
import { t } from '../../shared/i18n';
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
        throw new Error(t('popupAutoRefused'));
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
            title={t('popupAutoOnTitle')}
            disabled={busy}
            onClick={() => void turnOff()}
          >
            <AutoName id={headingId} />{' '}
            <strong data-testid="auto-capture-state" data-on={on}>
              {t('popupAutoOn')}
            </strong>
          </button>
        ) : (
          <button
            type="button"
            class="control auto-capture-switch"
            data-testid="auto-capture-details"
            aria-expanded={disclosing}
            title={t('popupAutoOffTitle')}
            onClick={() => setDisclosing((shown) => !shown)}
          >
            <AutoName id={headingId} />{' '}
            <strong data-testid="auto-capture-state" data-on={on}>
              {t('popupAutoOff')}
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
              {t('popupAutoTurnOn')}
            </button>
            <button type="button" onClick={() => setDisclosing(false)}>
              {t('popupAutoNotNow')}
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

/**
 * "Auto" on screen, "Automatic capture" for screen readers (the section's name): two whole words,
 * so that no language has to split one.
 */
function AutoName({ id }: { id: string }) {
  return (
    <span id={id}>
      <span aria-hidden="true">{t('popupAutoShort')}</span>
      <span class="visually-hidden">{t('popupAutoCapture')}</span>
    </span>
  );
}
