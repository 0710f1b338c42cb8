/** Add a note about the source: kept as a `note` source linked to it (store/library-writes.ts). */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import { FieldError } from './field-error';

export function NoteForm({ sourceId }: { sourceId: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await send('source/note', { sourceId, text });
      setText('');
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="lib-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) void save();
      }}
    >
      <label for="note-text">{t('libraryAddNote')}</label>
      <textarea
        id="note-text"
        data-testid="note-text"
        rows={3}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <button type="submit" class="primary" data-testid="save-note" disabled={busy || !text.trim()}>
        {t('librarySaveNote')}
      </button>
      <FieldError error={error} />
    </form>
  );
}
