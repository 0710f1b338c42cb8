/**
 * One conversation in the list: its title (the first question, or the name the user gave it) and
 * how long ago it was last used, opened by a click; Rename edits the title in place (Enter keeps
 * it, Escape leaves it), Delete asks first (confirm-delete.tsx).
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { errorMessage, send } from '../../shared/messaging';
import type { ListedConversation } from '../../shared/store/conversation-list';
import { ConfirmDelete } from './confirm-delete';

interface Props {
  conversation: ListedConversation;
  /** "3 days ago", in the interface's language. */
  when: string;
  /** Where a search word was found outside the title. */
  snippet: string | undefined;
  current: boolean;
  onOpen: () => void;
  onDeleted: () => void;
}

export function ConversationRow({
  conversation,
  when,
  snippet,
  current,
  onOpen,
  onDeleted,
}: Props) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const id = conversation.id;

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  const leave = () => {
    setEditing(false);
    setTimeout(() => renameButton.current?.focus(), 0);
  };
  const save = async () => {
    const title = input.current?.value.trim() ?? '';
    if (title === '' || title === conversation.title) return leave();
    try {
      await send('conversations/rename', { conversationId: id, title });
      setError(undefined);
      leave();
    } catch (failure) {
      setError(t('chatRenameFailed', errorMessage(failure)));
    }
  };
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // Escape here leaves the edit, not the list.
      leave();
    }
  };

  return (
    <li class="conversation" data-testid="conversation" data-id={id} data-current={current}>
      {editing ? (
        <input
          ref={input}
          class="conversation-rename"
          data-testid="conversation-rename-input"
          aria-label={t('chatRenameLabel')}
          maxLength={200}
          defaultValue={conversation.title}
          onKeyDown={onKeyDown}
          onBlur={() => void save()}
        />
      ) : (
        <button
          type="button"
          class="conversation-open"
          data-testid="conversation-open"
          aria-current={current ? 'true' : undefined}
          onClick={onOpen}
        >
          <span class="conversation-title" data-testid="conversation-title" dir="auto">
            {conversation.title}
          </span>
          <span class="conversation-when muted">{when}</span>
          {snippet && (
            <span class="conversation-snippet muted" data-testid="conversation-snippet" dir="auto">
              {snippet}
            </span>
          )}
        </button>
      )}
      <div class="conversation-tools">
        {!editing && (
          <button
            type="button"
            ref={renameButton}
            data-testid="conversation-rename"
            onClick={() => setEditing(true)}
          >
            {t('chatRename')}
          </button>
        )}
        <ConfirmDelete
          label={t('chatDelete')}
          question={t('chatDeleteConversationConfirm')}
          testId="conversation-delete"
          onDelete={async () => {
            await send('conversations/delete', { conversationId: id });
            onDeleted();
          }}
        />
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
