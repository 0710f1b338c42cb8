/**
 * Where models are downloaded from. Checked with the settings schema before it is saved; saving
 * restarts the engine so the next download uses the new host.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import { writeSetting } from '../../shared/settings';
import { checkModelHost } from './model-host';

type Status =
  | { kind: 'idle' }
  | { kind: 'invalid'; error: string }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: string };

export function ModelHostForm({ saved }: { saved: string }) {
  const [draft, setDraft] = useState(saved);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  // Follow the stored value when it changes (saved here, or from another page).
  useEffect(() => setDraft(saved), [saved]);

  const save = async () => {
    // The field itself, not the state: an edit in the same task as the submit is not rendered yet.
    const check = checkModelHost(input.current?.value ?? draft);
    if (!check.ok) {
      setStatus({ kind: 'invalid', error: check.error });
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      await writeSetting(db(), 'modelHost', check.value);
    } catch (error) {
      setStatus({ kind: 'failed', error: t('settingsNotSaved', errorMessage(error)) });
      return;
    }
    setDraft(check.value);
    try {
      await send('engine/restart', {});
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', error: t('settingsHostSavedNoRestart', errorMessage(error)) });
    }
  };

  const invalid = status.kind === 'invalid';
  return (
    <form
      class="field"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for="model-host">{t('settingsHostLabel')}</label>
      <p class="hint muted" id="model-host-hint">
        {t('settingsHostHint')}
      </p>
      <div class="field-row">
        <input
          id="model-host"
          ref={input}
          type="url"
          inputMode="url"
          spellcheck={false}
          autoComplete="off"
          data-testid="model-host"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'model-host-hint model-host-error' : 'model-host-hint'}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            if (status.kind !== 'saving') setStatus({ kind: 'idle' });
          }}
        />
        <button
          type="submit"
          class="primary"
          data-testid="save-model-host"
          disabled={status.kind === 'saving'}
        >
          {status.kind === 'saving' ? t('settingsSaving') : t('settingsSave')}
        </button>
      </div>
      {(status.kind === 'invalid' || status.kind === 'failed') && (
        <p class="field-error" id="model-host-error" data-testid="model-host-error" role="alert">
          {status.error}
        </p>
      )}
      {status.kind === 'saved' && (
        <p class="field-ok" data-testid="model-host-saved" role="status">
          {t('settingsHostSaved')}
        </p>
      )}
    </form>
  );
}
