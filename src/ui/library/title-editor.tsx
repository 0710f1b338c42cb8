/** The item's title, and an Edit button that turns it into a field (Enter saves, Escape cancels). */
import { useState } from 'preact/hooks';
import { db } from '../../shared/db';
import { t } from '../../shared/i18n';
import { errorMessage } from '../../shared/messaging';
import { retitleSource } from '../../shared/store/library-writes';
import { FieldError } from './field-error';

export function TitleEditor({ id, title }: { id: string; title: string }) {
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState<string>();
  const save = async () => {
    if (draft === undefined) return;
    try {
      if (await retitleSource(db(), id, draft)) setDraft(undefined);
      else setError(t('libraryTitleEmpty'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (draft === undefined) {
    return (
      <div class="lib-item-title">
        <h1 data-testid="item-title">{title}</h1>
        <button type="button" data-testid="edit-title" onClick={() => setDraft(title)}>
          {t('libraryEditTitle')}
        </button>
      </div>
    );
  }
  return (
    <form
      class="lib-item-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <input
        type="text"
        class="lib-title-input"
        data-testid="title-input"
        aria-label={t('libraryTitleLabel')}
        value={draft}
        ref={(input) => input?.focus()}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            setDraft(undefined);
          }
        }}
      />
      <button type="submit" class="primary" data-testid="save-title">
        {t('librarySave')}
      </button>
      <button type="button" onClick={() => setDraft(undefined)}>
        {t('libraryCancel')}
      </button>
      <FieldError error={error} />
    </form>
  );
}
