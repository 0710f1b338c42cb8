/**
 * Privacy: "Delete all conversations" (issue 12). Questions, answers and the passages they quote
 * are kept until the user deletes them; the saved pages are not touched.
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import { ConfirmDelete } from '../components/confirm-delete';

export function DeleteConversations() {
  const [deleted, setDeleted] = useState<number>();
  return (
    <div class="field" data-testid="conversations-privacy">
      <p class="field-label">{t('settingsConversationsLabel')}</p>
      <ConfirmDelete
        label={t('settingsDeleteAllConversations')}
        question={t('settingsDeleteAllConversationsConfirm')}
        testId="delete-all-conversations"
        onDelete={async () => {
          setDeleted((await send('conversations/delete', { all: true })).deleted);
        }}
      />
      {deleted !== undefined && (
        <p class="field-ok" role="status" data-testid="conversations-deleted">
          {t('settingsConversationsDeleted', deleted)}
        </p>
      )}
      <p class="hint muted">{t('settingsConversationsHint')}</p>
    </div>
  );
}
