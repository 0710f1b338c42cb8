/**
 * The list of conversations (issue 15), opened from the chat's header: a panel that slides over
 * the chat, in the popup and in the side panel alike. Newest first; search as you type over titles
 * and what was said (core/conversations/conversation-search.ts); rename and delete in each row.
 * Escape or Close gives the chat back, and the focus goes back to the button that opened it.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { searchConversations } from '../../core/conversations/conversation-search';
import { db } from '../../shared/db';
import { t, uiIsChinese } from '../../shared/i18n';
import { listConversations } from '../../shared/store/conversation-list';
import './conversation-list.css';
import { ConversationRow } from './conversation-row';
import { timeAgo } from './time-ago';
import { useLiveQuery } from './use-live-query';

interface Props {
  /** The conversation on screen, marked in the list. */
  currentId: string | undefined;
  now: number;
  onOpen: (id: string) => void;
  /** A conversation was deleted (the chat leaves it if it was on screen). */
  onDeleted: (id: string) => void;
  onClose: () => void;
}

export function ConversationList({ currentId, now, onOpen, onDeleted, onClose }: Props) {
  const [query, setQuery] = useState('');
  const searching = query.trim() !== '';
  // The texts are read only once a search starts: the plain list needs the titles alone.
  const listed = useLiveQuery(() => listConversations(db(), searching), [searching]);
  const search = useRef<HTMLInputElement>(null);
  const language = uiIsChinese() ? 'zh' : 'en';

  useEffect(() => search.current?.focus(), []);

  const rows = useMemo(() => {
    const all = listed.value ?? [];
    const byId = new Map(all.map((c) => [c.id, c]));
    return searchConversations(all, query).flatMap((match) => {
      const conversation = byId.get(match.id);
      return conversation ? [{ conversation, snippet: match.snippet }] : [];
    });
  }, [listed.value, query]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  return (
    <section
      class="conversation-panel"
      data-testid="conversation-list"
      role="dialog"
      aria-label={t('chatConversations')}
      onKeyDown={onKeyDown}
    >
      <div class="conversation-panel-head">
        <h2>{t('chatConversations')}</h2>
        <button
          type="button"
          class="new-chat"
          data-testid="conversation-list-close"
          onClick={onClose}
        >
          {t('chatConversationsClose')}
        </button>
      </div>
      <input
        ref={search}
        type="search"
        class="conversation-search"
        data-testid="conversation-search"
        placeholder={t('chatConversationsSearch')}
        aria-label={t('chatConversationsSearch')}
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {listed.value !== undefined && rows.length === 0 && (
        <p class="conversation-empty muted" data-testid="conversation-list-empty" role="status">
          {searching ? t('chatConversationsNoMatch', query.trim()) : t('chatConversationsEmpty')}
        </p>
      )}
      <ol class="conversation-rows" aria-label={t('chatConversations')}>
        {rows.map(({ conversation, snippet }) => (
          <ConversationRow
            key={conversation.id}
            conversation={conversation}
            when={timeAgo(conversation.updatedAt, now, language)}
            snippet={snippet}
            current={conversation.id === currentId}
            onOpen={() => onOpen(conversation.id)}
            onDeleted={() => onDeleted(conversation.id)}
          />
        ))}
      </ol>
      {listed.error && (
        <p class="engine-error" role="alert">
          {t('popupMemoryReadError', listed.error)}
        </p>
      )}
    </section>
  );
}
